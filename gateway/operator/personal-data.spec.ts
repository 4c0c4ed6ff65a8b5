import { maskPersonalData } from '../../core/model/values/buyer-identity.schema';
import { maskedRaw } from './personal-data';

const identity = {
  idType: '1',
  idNumber: '11010519491231002X',
  name: '张小明',
  telephone: '13812345678',
};

describe('personal data in operator answers', () => {
  it('masks the buyer identity in CEB XML, also inside a DXP envelope', () => {
    const ceb =
      '<ceb:OrderHead><ceb:buyerIdNumber>11010519491231002X</ceb:buyerIdNumber><ceb:buyerName>张小明</ceb:buyerName><ceb:buyerTelephone>13812345678</ceb:buyerTelephone></ceb:OrderHead>';
    const expected =
      '<ceb:OrderHead><ceb:buyerIdNumber>1101**********002X</ceb:buyerIdNumber><ceb:buyerName>张**</ceb:buyerName><ceb:buyerTelephone>138*****678</ceb:buyerTelephone></ceb:OrderHead>';
    expect(maskedRaw(ceb)).toBe(expected);
    const dxp = `<DxpMsg><Data>${Buffer.from(ceb).toString('base64')}</Data></DxpMsg>`;
    const masked = maskedRaw(dxp)!;
    const data = /<Data>([^<]+)<\/Data>/.exec(masked)![1];
    expect(Buffer.from(data, 'base64').toString('utf8')).toBe(expected);
  });

  it('masks an order JSON identity and leaves bodies without one alone', () => {
    const json = JSON.stringify({ buyer: { name: 'x', identity } });
    expect(maskedRaw(json)).not.toContain('11010519491231002X');
    expect(maskedRaw(json)).toContain('1101**********002X');
    expect(maskedRaw('<Order><orderNo>1</orderNo></Order>')).toBeUndefined();
  });

  it('masks every identity in documents, wherever it is', () => {
    const docs = [{ payload: { buyer: { name: 'x', identity } } }];
    expect(maskPersonalData(docs)[0].payload.buyer.identity).toEqual({
      idType: '1',
      idNumber: '1101**********002X',
      name: '张**',
      telephone: '138*****678',
    });
    expect(docs[0].payload.buyer.identity.idNumber).toBe('11010519491231002X');
  });
});
