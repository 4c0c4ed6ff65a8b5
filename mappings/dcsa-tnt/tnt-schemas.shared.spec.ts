import { join } from 'node:path';
import { ajvErrors, componentRef, requireValidator } from '../json-support/openapi.test-support';
import { goldenFolder } from '../json-support/golden.test-support';

const { read, cases } = goldenFolder(join(__dirname, 'golden'));

// Runs only when ../shared is there (jest.config.js); CI fails when it is missing.
const T22 = 'dcsa/TNT_v2.2.0-resolved.yaml';
const T30 = 'dcsa/TNT_v3.0.0.yaml';
const event22 = {
  anyOf: ['transportEvent', 'shipmentEvent', 'equipmentEvent'].map((n) => componentRef(T22, n)),
};
const validators = {
  v22: requireValidator(T22, { anyOf: [event22, { type: 'array', items: event22 }] }),
  v30: requireValidator(T30, 'PostEventsRequest'),
};

describe('golden inputs against the official DCSA OpenAPI schemas', () => {
  // 3.0.0-Beta-1 is not among the shared schemas; its cases are not validated here.
  it.each(cases.filter((c) => !c.startsWith('v30beta')))('%s is schema-valid', (name) => {
    const validate = name.startsWith('v22') ? validators.v22 : validators.v30;
    const ok = validate(read(`${name}.json`));
    expect(ok ? '' : ajvErrors(validate)).toBe('');
  });
});
