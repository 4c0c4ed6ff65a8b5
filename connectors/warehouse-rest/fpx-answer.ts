import { TradeError, type Stage } from '../../core/errors/trade-error';
import { isObject, peekJson, textAt } from '../transports/http/json-peek';
import { summarizeErrorBody } from '../transports/http/error-body';

/**
 * A 4PX-style answer `{ result, msg, errors, data }`. The HTTP status is 200 either way;
 * `result: "1"` is success, anything else the warehouse refusing the call, with its reasons.
 */
export function fpxData(text: string, what: string, stage: Stage): Record<string, unknown> {
  const answer = peekJson(text);
  if (!isObject(answer)) {
    throw new TradeError('rejected', `${what}: answer is not a JSON object`, { stage });
  }
  const result = textAt(answer, 'result');
  if (result !== '1') {
    throw new TradeError(
      'rejected',
      `${what}: result ${result ?? '(none)'} ${summarizeErrorBody(answer)}`,
      {
        stage,
        code: textAt(answer, 'code') ?? `result-${result ?? 'none'}`,
      },
    );
  }
  return isObject(answer.data) ? answer.data : {};
}
