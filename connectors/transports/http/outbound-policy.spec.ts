import { addressProblem, setOutboundPolicy, urlProblem } from './outbound-policy';

describe('outbound URL policy', () => {
  afterEach(() => setOutboundPolicy({ allowHttp: false, allowedNetworks: [] }));

  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('refuses %s', (address) => {
    expect(addressProblem(address)).toMatch(/private, loopback or link-local/);
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8'])(
    'allows the public address %s',
    (address) => expect(addressProblem(address)).toBeUndefined(),
  );

  it('allows a private network named for the partner or for all', () => {
    expect(addressProblem('10.1.2.3', ['10.1.0.0/16'])).toBeUndefined();
    expect(addressProblem('10.2.0.1', ['10.1.0.0/16'])).toBeDefined();
    setOutboundPolicy({ allowHttp: false, allowedNetworks: ['127.0.0.1'] });
    expect(addressProblem('127.0.0.1')).toBeUndefined();
  });

  it('allows https only unless http is allowed; never other schemes or credentials', () => {
    expect(urlProblem('https://erp.example/orders')).toBeUndefined();
    expect(urlProblem('http://erp.example/orders')).toMatch(/scheme http/);
    expect(urlProblem('file:///etc/passwd')).toMatch(/scheme file/);
    expect(urlProblem('gopher://erp.example:70/')).toMatch(/scheme gopher/);
    expect(urlProblem('https://u:p@erp.example/')).toMatch(/credentials/);
    expect(urlProblem('https://[::1]:8443/')).toMatch(/::1/);
    expect(urlProblem('not a url')).toBe('not a URL');
    setOutboundPolicy({ allowHttp: true, allowedNetworks: [] });
    expect(urlProblem('http://erp.example/orders')).toBeUndefined();
    expect(urlProblem('ftp://erp.example/')).toMatch(/scheme ftp/);
  });
});
