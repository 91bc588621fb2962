import { expandAliasTemplate } from './alias-template';

describe(expandAliasTemplate.name, () => {
  const classes = { 'ru.ia': ['я', 'и'], 'en.pl': ['', 's'] };

  it('should return a text without slots unchanged', () => {
    expect(expandAliasTemplate('North Korea', classes)).toEqual(['North Korea']);
  });

  it('should expand a named ending class', () => {
    expect(expandAliasTemplate('Росси{ru.ia}', classes)).toEqual(['Россия', 'России']);
  });

  it('should expand inline alternatives, empty ones included', () => {
    expect(expandAliasTemplate('Nordkorea{|s}', classes)).toEqual(['Nordkorea', 'Nordkoreas']);
  });

  it('should multiply several slots', () => {
    expect(expandAliasTemplate('{US|U.S.} Navy{en.pl}', classes)).toEqual([
      'US Navy',
      'US Navys',
      'U.S. Navy',
      'U.S. Navys',
    ]);
  });

  it('should reject an unknown ending class', () => {
    expect(() => expandAliasTemplate('Kore{xx.nope}', classes)).toThrow(/unknown ending class/);
  });
});
