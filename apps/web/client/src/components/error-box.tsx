import { ApiError } from '../api/http';

/** A problem the apps answered with, shown where the action was, read out by screen readers. */
export function ErrorBox(props: { error: unknown }) {
  if (!props.error) return null;
  const error = props.error;
  const title = error instanceof ApiError ? `${error.status} ${error.title}` : 'Something went wrong';
  const detail = error instanceof Error ? error.message : String(error);
  const errors = error instanceof ApiError && error.errors.length > 1 ? error.errors : [];
  return (
    <div class="error" role="alert">
      <strong>{title}</strong>
      <p>{detail}</p>
      {errors.length ? (
        <ul>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
