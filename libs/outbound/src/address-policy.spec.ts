import { AddressPolicy } from './address-policy';

describe(AddressPolicy.name, () => {
  describe('refusalReason', () => {
    const sut = new AddressPolicy();

    it.each([
      '127.0.0.1',
      '127.9.9.9',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.100.100.200',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      'fd00:ec2::254',
      'fc00::5',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
      '::ffff:10.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::',
      'ff02::1',
    ])('should refuse the non-public address %s', (address) => {
      expect(sut.refusalReason(address)).not.toBeNull();
    });

    it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34'])(
      'should accept the public address %s',
      (address) => {
        expect(sut.refusalReason(address)).toBeNull();
      },
    );

    it('should refuse something that is not an IP address', () => {
      expect(sut.refusalReason('localhost')).toMatch(/not an IP/);
    });

    it('should accept loopback only when loopback is allowed, and still refuse metadata and private ranges', () => {
      const loopbackAllowed = new AddressPolicy({ allowLoopback: true });
      expect(loopbackAllowed.refusalReason('127.0.0.1')).toBeNull();
      expect(loopbackAllowed.refusalReason('::1')).toBeNull();
      expect(loopbackAllowed.refusalReason('::ffff:127.0.0.1')).toBeNull();
      expect(loopbackAllowed.refusalReason('169.254.169.254')).not.toBeNull();
      expect(loopbackAllowed.refusalReason('10.0.0.1')).not.toBeNull();
    });

    it('should accept exactly the listed addresses and nothing next to them', () => {
      const listed = new AddressPolicy({ allowAddresses: ['127.0.0.2'] });
      expect(listed.refusalReason('127.0.0.2')).toBeNull();
      expect(listed.refusalReason('127.0.0.1')).not.toBeNull();
    });
  });
});
