import { isDateLine } from './date-line';

describe(isDateLine.name, () => {
  describe('isDateLine', () => {
    it.each([
      'Tuesday, November 5, 2024 — 4:45 p.m. (MMT)',
      'Publié le 13 février 2025 à 18h05 · Mis à jour le 13 février 2025 à 19h40',
      'By Pacific Herald staff | September 29, 2025, 11:10 a.m. (PHT)',
      'Published 08.10.2025, 21:40 (AST, GMT+3) · 5 min read',
      'Stand: 14.10.2025, 17:20 Uhr (MESZ)',
      '14:20 22.05.2025 (обновлено: 15:05 22.05.2025)',
      '2025年3月4日 18時30分',
      'الأربعاء 12 مارس 2025 - 10:30 صباحاً بتوقيت مكة المكرمة',
    ])('should flag "%s"', (line) => {
      expect(isDateLine(line)).toBe(true);
    });

    it.each([
      'On Tuesday, November 5, 2024, the two navies began their first joint drill.',
      'The contract signed on 12 March 2025 covers ten batteries and a training centre for the crews',
      '北朝鮮は2025年3月4日、ロシアへの砲弾供与を続けていると発表した',
      'Kenya to send 10,000 more workers to Saudi Arabia under new deal',
    ])('should keep "%s"', (line) => {
      expect(isDateLine(line)).toBe(false);
    });
  });
});
