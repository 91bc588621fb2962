import { fixKafkaJsIdleLoop, kafkaJsRequestQueue } from './kafkajs-idle-loop.fix';

interface Queue {
  throttleCheckTimeoutId: unknown;
  checkPendingRequests(): void;
  maybeThrottle(ms: number): void;
  push(request: unknown): void;
  fulfillRequest(response: { correlationId: number; payload: unknown; size: number }): void;
}

const logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function aQueue(): Queue {
  const RequestQueue = kafkaJsRequestQueue() as unknown as new (options: object) => Queue;
  return new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'broker:9092',
    logger,
  });
}

const aRequest = (correlationId: number) => ({
  entry: {
    correlationId,
    apiKey: 0,
    apiName: 'Produce',
    apiVersion: 3,
    resolve: jest.fn(),
    reject: jest.fn(),
  },
  expectResponse: true,
  sendRequest: jest.fn(),
});

describe('fixKafkaJsIdleLoop', () => {
  beforeAll(() => fixKafkaJsIdleLoop());
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should leave no timer on a connection with nothing pending and no throttle', () => {
    const sut = aQueue();
    sut.checkPendingRequests();
    expect(sut.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('should still send a request queued behind a throttle once the throttle ends, then stop checking', () => {
    const sut = aQueue();
    sut.maybeThrottle(50);
    const request = aRequest(1);
    sut.push(request);
    expect(request.sendRequest).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60);
    expect(request.sendRequest).toHaveBeenCalledTimes(1);
    sut.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    jest.advanceTimersByTime(100);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('should still send a request queued behind one in flight when that one completes', () => {
    const sut = aQueue();
    const first = aRequest(1);
    const second = aRequest(2);
    sut.push(first);
    sut.push(second);
    expect(first.sendRequest).toHaveBeenCalledTimes(1);
    expect(second.sendRequest).not.toHaveBeenCalled();
    sut.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    expect(second.sendRequest).toHaveBeenCalledTimes(1);
    sut.fulfillRequest({ correlationId: 2, payload: null, size: 0 });
    jest.advanceTimersByTime(100);
    expect(jest.getTimerCount()).toBe(0);
  });
});
