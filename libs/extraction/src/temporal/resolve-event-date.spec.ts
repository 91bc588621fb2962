import { resolveEventDate } from './resolve-event-date';

// An Indonesian and an English article, both published on Wednesday 7 September 2022.
const PUB = '2022-09-07T07:47:00+07:00';

describe(resolveEventDate.name, () => {
  describe('resolveEventDate', () => {
    it.each([
      // [sentence, language, expected]
      ['Militer itu pada Agustus menerima kiriman drone.', 'id', '2022-08'],
      ['The army received the drones in August.', 'en', '2022-08'],
      ['Juli lalu, negara itu mengakui kemerdekaan dua wilayah.', 'id', '2022-07'],
      ['Last July, the country recognised the two regions.', 'en', '2022-07'],
      ['Pasukan itu tiba di perbatasan pada Selasa (6/9).', 'id', '2022-09-06'],
      ['Kapal itu disita pada Kamis (1/9/2022) di lepas pantai.', 'id', '2022-09-01'],
      ['Drone itu dikirim bulan lalu.', 'id', '2022-08'],
      ['The drones were shipped last month.', 'en', '2022-08'],
      ['Kesepakatan itu ditandatangani bulan ini.', 'id', '2022-09'],
      ['The deal was signed this month.', 'en', '2022-09'],
      ['The regions were recognised in February.', 'en', '2022-02'],
      ['Wilayah itu diakui pada Februari.', 'id', '2022-02'],
      ['The delegation visited the airfield on June 8.', 'en', '2022-06-08'],
      ['Delegasi itu mengunjungi lapangan terbang pada 8 Juni.', 'id', '2022-06-08'],
      ['The second recognition came in late June.', 'en', '2022-06'],
      ['Pengakuan kedua datang pada akhir Juni.', 'id', '2022-06'],
      ['Sanctions took effect in September 2017.', 'en', '2017-09'],
      ['Sanksi itu berlaku pada September 2017.', 'id', '2017-09'],
      ['Negara itu mengakui kemerdekaan mereka pada malam 24 Februari.', 'id', '2022-02-24'],
      ['The country recognised their independence on the night of February 24.', 'en', '2022-02-24'],
      ['Ujicoba nuklir pertama dilakukan pada tahun 2006.', 'id', '2006'],
      ['The first nuclear test took place in 2006.', 'en', '2006'],
      ['Negara itu mengirim 4.000 pekerja tahun ini.', 'id', '2022'],
      ['The country sent 4,000 workers last year.', 'en', '2021'],
      ['Rudal itu ditembakkan kemarin.', 'id', '2022-09-06'],
      ['The missile was fired yesterday.', 'en', '2022-09-06'],
      ['On Tuesday, the ministry imposed new sanctions.', 'en', '2022-09-06'],
      ['Pada Senin, kementerian itu menjatuhkan sanksi baru.', 'id', '2022-09-05'],
      ['The war began on February 24, 2022.', 'en', '2022-02-24'],
      ['The flight is scheduled for September 29.', 'en', '2022-09-29'],
      ['Talks will resume next month.', 'en', '2022-10'],
    ])('should resolve "%s" (%s) to %s', (sentence, language, expected) => {
      expect(resolveEventDate(sentence, PUB, language)).toBe(expected);
    });

    it('should give the month the week fell in for "last week" and "pekan lalu"', () => {
      expect(resolveEventDate('The shipment arrived last week.', '2022-09-03', 'en')).toBe('2022-08');
      expect(resolveEventDate('Kiriman itu tiba pekan lalu.', PUB, 'id')).toBe('2022-08');
    });

    it('should take the most recent month not after publication for a bare month', () => {
      expect(resolveEventDate('The deal was agreed in November.', '2023-02-01', 'en')).toBe('2022-11');
      expect(resolveEventDate('Perjanjian itu disepakati pada Januari.', '2023-02-01', 'id')).toBe('2023-01');
    });

    it('should prefer the event date over a "since" date and a reporting date', () => {
      const s =
        'Negara yang mendukung wilayah itu sejak tahun 2014 akhirnya mengakui kemerdekaannya pada 21 Februari.';
      expect(resolveEventDate(s, PUB, 'id')).toBe('2022-02-21');
      expect(
        resolveEventDate('The navy seized the cargo on Sept. 1, the command said Tuesday.', PUB, 'en'),
      ).toBe('2022-09-01');
    });

    it('should return null for a date that only says when something was said', () => {
      expect(
        resolveEventDate(
          'Juru bicara itu mengatakan kepada wartawan pada Selasa (6/9) bahwa situasinya buruk.',
          PUB,
          'id',
        ),
      ).toBeNull();
      expect(
        resolveEventDate('The weapons were bound for Yemen, the command announced Tuesday.', PUB, 'en'),
      ).toBeNull();
    });

    it('should return null when the sentence has no date expression', () => {
      expect(resolveEventDate('The ministry imposed new sanctions on the company.', PUB, 'en')).toBeNull();
      expect(resolveEventDate('Kementerian itu menjatuhkan sanksi baru.', PUB, 'id')).toBeNull();
      expect(resolveEventDate('', PUB, 'en')).toBeNull();
    });

    it('should not read the modal verb "may" or the noun "march" as months', () => {
      expect(resolveEventDate('Russia may buy more drones.', PUB, 'en')).toBeNull();
      expect(resolveEventDate('Protesters began a march on the capital.', PUB, 'en')).toBeNull();
      expect(resolveEventDate('The drills started in May.', PUB, 'en')).toBe('2022-05');
    });

    it('should leave relative phrases unresolved without a publication date, but keep explicit years', () => {
      expect(resolveEventDate('Drone itu dikirim bulan lalu.', null, 'id')).toBeNull();
      expect(resolveEventDate('The regions were recognised in February.', null, 'en')).toBeNull();
      expect(resolveEventDate('Sanksi itu berlaku pada September 2017.', null, 'id')).toBe('2017-09');
    });

    it('should read months in French, Spanish, German and Russian', () => {
      expect(resolveEventDate('Les drones ont été livrés en août.', PUB, 'fr')).toBe('2022-08');
      expect(resolveEventDate('Los drones llegaron el 5 de julio.', PUB, 'es')).toBe('2022-07-05');
      expect(resolveEventDate('Die Drohnen kamen im Juli an.', PUB, 'de')).toBe('2022-07');
      expect(resolveEventDate('Дроны поступили в августе.', PUB, 'ru')).toBe('2022-08');
      expect(resolveEventDate('Дроны поступили 11 июля 2022 года.', PUB, 'ru')).toBe('2022-07-11');
    });

    it('should read Korean month and day forms', () => {
      expect(resolveEventDate('북한은 지난 8월 초부터 포탄을 제공했다.', '2023-12-16', 'ko')).toBe('2023-08');
      expect(resolveEventDate('주지사가 지난 17일 드론을 선물했다.', '2023-09-20', 'ko')).toBe('2023-09-17');
    });
  });
});
