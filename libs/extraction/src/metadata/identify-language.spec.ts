import { identifyLanguage } from './identify-language';

describe(identifyLanguage.name, () => {
  describe('identifyLanguage', () => {
    it.each([
      ['Pemerintah mengatakan bahwa kapal itu tiba di pelabuhan karena cuaca buruk.', 'id'],
      ['Menteri itu bilang bisa datang besok.', 'id'],
      [
        'Kerajaan berkata bahawa kapal itu tiba di pelabuhan kerana cuaca buruk, dan beliau boleh datang.',
        'ms',
      ],
      ['The ministry said the ship arrived at the port because of bad weather.', 'en'],
      ['Le ministère a déclaré que le navire était arrivé au port à cause du mauvais temps.', 'fr'],
      ['El ministerio dijo que el barco llegó al puerto debido al mal tiempo.', 'es'],
      ['Das Ministerium sagte, das Schiff sei wegen des schlechten Wetters im Hafen angekommen.', 'de'],
      ['Министерство заявило, что корабль прибыл в порт из-за плохой погоды.', 'ru'],
      ['Міністерство заявило, що корабель прибув до порту через погану погоду.', 'uk'],
      ['قالت الوزارة إن السفينة وصلت إلى الميناء بسبب سوء الأحوال الجوية.', 'ar'],
      ['외교부는 선박이 악천후로 항구에 도착했다고 밝혔다.', 'ko'],
      ['Το υπουργείο ανέφερε ότι το πλοίο έφτασε στο λιμάνι λόγω κακοκαιρίας.', 'el'],
      ['外務省は船が悪天候のため港に到着したと発表した。', 'ja'],
    ])('should identify "%s" as %s', (text, expected) => {
      expect(identifyLanguage(text)).toBe(expected);
    });

    it('should take the one language whose function words a short text has over the n-gram guess', () => {
      expect(identifyLanguage('Russia sent drones to Belarus.')).toBe('en');
    });

    it.each([
      // "UN" is no French "un", "AS" no English "as": acronyms cast no function-word vote.
      ['Belarus violated UN sanctions by sending missiles to Russia.', 'en'],
      ['AS dan PBB menjatuhkan sanksi kepada Iran.', 'id'],
      // "and" is English only and "in" is shared: a clear lead of function words overrules the n-gram model.
      ['Missiles and munitions arrived in Syria.', 'en'],
      // Spanish and Portuguese by spellings only one has.
      ['Chile compró aviones F-16 a Noruega.', 'es'],
      ['Perú impuso sanciones a dos empresas rusas.', 'es'],
      ['O Chile comprou caças F-16 da Noruega.', 'pt'],
      // Turkish by its dotless ı and ğ.
      ['Rusya Kuzey Kore den roket satın aldı.', 'tr'],
    ])('should read a short text by its function words, not its acronyms: "%s" is %s', (text, expected) => {
      expect(identifyLanguage(text)).toBe(expected);
    });

    it('should answer "und" when there are no letters', () => {
      expect(identifyLanguage('')).toBe('und');
      expect(identifyLanguage('12345 678 -- !!')).toBe('und');
    });
  });
});
