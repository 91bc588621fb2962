/** Small labelled facts: status, modality, sanctions, counts. Colour never carries meaning alone. */
export function Badge(props: { kind: string; label: string; value?: string | number; title?: string }) {
  return (
    <span class={`badge badge-${props.kind}`} title={props.title}>
      {props.label}
      {props.value !== undefined ? `: ${props.value}` : ''}
    </span>
  );
}

export const typeLabel = (type: string) => type.replace(/_/g, ' ');

export function ClaimBadges(props: {
  status: string;
  modality: string;
  contradicted?: boolean;
  sanctions?: { relevant: boolean; instruments: string[] };
}) {
  return (
    <span class="badges">
      <Badge kind={`status-${props.status}`} label="status" value={props.status} />
      <Badge kind={`modality-${props.modality}`} label="modality" value={props.modality} />
      {props.contradicted ? <Badge kind="contradicted" label="contradicted" /> : null}
      {props.sanctions?.relevant ? <Badge kind="sanctions" label="sanctions-relevant" /> : null}
    </span>
  );
}
