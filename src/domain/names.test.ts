import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalName, nameStem, nameTokens, parseName, phoneticKey } from './names.ts';

const keys = (text: string) => nameTokens(text).map(phoneticKey);

// Real-world spellings of one name, first the Cyrillic. `canonical`: every spelling gives the same
// canonical tokens; `phonetic`: the systems disagree on a sound (ы, ж/й, ё/е, voicing), so only the
// phonetic keys agree. Each set counts as one pair per spelling after the first.
const CANONICAL_SETS: string[][] = [
  [
    'Асанбай Токтогулов',
    'Asanbai Toktogulov',
    'Asanbaj Toktogulov',
    'Asanbay Toktogulov',
    'TOKTOGULOV ASANBAI',
  ],
  ['Жылдыз', 'Jyldyz', 'Zhyldyz', 'Djyldyz', 'Jildiz', 'Džyldyz'],
  ['Чолпон', 'Cholpon', 'Čolpon', 'Tscholpon', 'Çolpon'],
  ['Нурлан уулу Бакыт', 'Bakyt Nurlan uulu', 'Nurlan-uulu Bakyt', 'Бакыт Нурлан уулу', 'Bakit Nurlan Uulu'],
  ['Айгүл Маматова кызы', 'Aigul Mamatova', 'Ajgül Mamatova', 'Маматова Айгүл', 'Mamatova Aygul kyzy'],
  ['Юлдуз', 'Yulduz', 'Iulduz'],
  ['Хасанов', 'Khasanov', 'Hasanov', 'Xasanov'],
  ['Ёкубов', 'Yokubov', 'Yoqubov', 'Ёқубов', 'Iokubov'],
  ['Сирожиддин', 'Sirojiddin', 'Sirozhiddin', 'Sirodjiddin', 'Sirojidin'],
  ['Санобар', 'Sanobar', 'SANOBAR'],
  ['Шерзод', 'Sherzod', 'Šerzod', 'Scherzod'],
  ['Гүлнара', 'Gulnara', 'Gülnara', 'Guelnara'],
  ['Мария', 'Mariia', 'Mariya', 'Maria'],
  ['Дмитрий', 'Dmitrii', 'Dmitriy', 'Dmitrij'],
  ['Бахтиёр', 'Bakhtiyor', 'Baxtiyor', 'Bakhtior'],
  ['Мухаммед', 'Mukhammed', 'Muhammed', 'Muxammed', 'Muhamed'],
  ['Ерлан', 'Yerlan', 'Erlan'],
  ['Айбек', 'Aibek', 'Ajbek', 'Aybek'],
  ['Кайрат', 'Kairat', 'Kayrat', 'Qairat'],
  ['Бейшенбек', 'Beishenbek', 'Beyshenbek', 'Bejšenbek'],
  ['Токтогулов Асанбай Асанбаевич', 'Asanbai Toktogulov', 'Асанбай Асанбаевич Токтогулов'],
  ['Васильев', 'Vasilyev', "Vasil'ev"],
  ['Алексеев', 'Alekseyev', 'Alekseev'],
  ['Ўғилой', "O'g'iloy", 'Oʻgʻiloy', 'Ogiloy'],
  ['Шахноза', 'Shakhnoza', 'Shaxnoza', 'Šahnoza'],
  ['Зульфия', 'Zulfiya', 'Zulfia', 'Zulfiia', 'Зулфия'],
  ['Абдыкадыр', 'Abdykadyr', 'Abdikadir', 'Abdıkadır'],
  ['Өмүрбек', 'Omurbek', 'Ömürbek', 'Oemuerbek'],
  ['Рахимжон', 'Rakhimjon', 'Rahimjon', 'Raximjon', 'Rakhimdzhon'],
  ['Жаныбек', 'Zhanybek', 'Janybek', 'Djanybek'],
  ['Цой', 'Tsoy', 'Tsoi'],
  ['Марьям', 'Maryam', "Mar'yam"],
  ['Үмөт', 'Ümöt', 'Uemoet', 'Umöt'],
  ['Алишер Рустам ўғли', 'Alisher Rustam o‘g‘li', 'Rustamugli Alisher', 'Alisher Rustam'],
  ['Тамара Осмонова', 'Tamara Osmonova', 'Osmonova Tamara'],
];

const PHONETIC_SETS: string[][] = [
  ['Үмөт', 'Umut', 'Ümüt'],
  ['Юлдуз', 'Julduz'],
  ['Ёкубов', 'Jokubov', 'Ekubov'],
  ['Дмитрий', 'Dmitri'],
  ['Бахтиёр', 'Baxtijor'],
  ['Ильяс', 'Ilias', 'Iliyas'],
  ['Васильев', 'Vasiliev'],
  ['Мурат', 'Murad'],
  ['Ахмед', 'Akhmet', 'Axmet'],
  ['Фатима', 'Patima'],
  ['Шерзод', 'Sherzot'],
  ['Марьям', 'Mariam'],
];

const pairs = (sets: string[][]) => sets.flatMap(([first, ...rest]) => rest.map((v) => [first!, v] as const));

describe('variant spellings of one name', () => {
  it('the table holds well over 40 pairs', () => {
    expect(pairs(CANONICAL_SETS).length + pairs(PHONETIC_SETS).length).toBeGreaterThanOrEqual(100);
  });

  it.each(pairs(CANONICAL_SETS))('%s ≡ %s (canonical tokens)', (a, b) => {
    expect(nameTokens(b)).toEqual(nameTokens(a));
  });

  it.each([...pairs(CANONICAL_SETS), ...pairs(PHONETIC_SETS)])('%s ≈ %s (phonetic keys)', (a, b) => {
    expect(keys(b)).toEqual(keys(a));
  });

  it('phonetic sets really need the key: their canonical tokens differ', () => {
    for (const [a, b] of pairs(PHONETIC_SETS))
      expect(nameTokens(b), `${a} / ${b}`).not.toEqual(nameTokens(a));
  });
});

describe('genuinely different names', () => {
  it.each([
    ['Асанбай', 'Асылбек'],
    ['Токтогулов', 'Токтосунов'],
    ['Айгүл', 'Айжан'],
    ['Бакыт', 'Бактыбек'],
    ['Марат', 'Мурат'],
    ['Азамат', 'Азат'],
    ['Айбек', 'Айбике'],
    ['Нурлан', 'Нурлана'],
    ['Гүлнара', 'Гүлзат'],
    ['Жылдыз', 'Жаныл'],
    ['Асанбай Токтогулов', 'Асылбек Токтогулов'],
    ['Айгүл Асанова', 'Айжан Асанова'],
    ['Бакыт Нурлан уулу', 'Бактыбек Нурлан уулу'],
    ['Санобар', 'Сабина'],
  ])('%s ≠ %s', (a, b) => {
    expect(nameTokens(a)).not.toEqual(nameTokens(b));
    expect(keys(a)).not.toEqual(keys(b));
  });

  it('father and son share tokens in the uulu form, but not the father', () => {
    const son = parseName('Нурлан уулу Бакыт');
    const father = parseName('Бакыт уулу Нурлан');
    expect(son.tokens).toEqual(father.tokens);
    expect(son.father).toBe('nurlan');
    expect(father.father).toBe('bakit');
  });
});

describe('canonicalName', () => {
  it.each([
    ['Асанбай Токтогулов', 'asanbay toktogulov'],
    ['ТОКТОГУЛОВ асанбай', 'toktogulov asanbay'],
    ['Абду-Рахман', 'abdurahman'],
    ["Sharof O'g'li", 'sharof ogli'],
    ['Объект', 'obekt'],
    ['Жоомарт Баатыров', 'jomart batirov'],
    ['Щукин', 'shukin'],
    ['Цой', 'tsoy'],
    ['  Айгүл ,  Асанова ', 'aygul asanova'],
    ['Ngurova', 'nurova'],
    ['', ''],
  ])('%s → %s', (text, canonical) => {
    expect(canonicalName(text)).toBe(canonical);
  });

  it('gives lowercase Latin letters and single spaces for Cyrillic and Latin input', () => {
    const letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүәғқһўҳabcdefghijklmnopqrstuvwxyzčšžüöı -'";
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), maxLength: 30 }), (text) => {
        expect(canonicalName(text)).toMatch(/^(?:[a-z]+(?: [a-z]+)*)?$/);
      }),
    );
  });

  it('is idempotent, so stored canonical names can be compared with freshly computed ones', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'абвгджзийклнорстуүөхцчшыюяёaeioujyhkzcsx -'), maxLength: 20 }),
        (text) => {
          const once = canonicalName(text);
          expect(canonicalName(once)).toBe(once);
          for (const token of once.split(' '))
            expect(phoneticKey(token)).toBe(phoneticKey(canonicalName(token)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('nameTokens', () => {
  it('drops uulu/kyzy, o‘g‘li/qizi and Russian patronymics, standalone or attached', () => {
    expect(nameTokens('Бакыт Нурлан уулу')).toEqual(['bakit', 'nurlan']);
    expect(nameTokens('Бакыт Нурланулу')).toEqual(['bakit', 'nurlan']);
    expect(nameTokens('Айгүл Мамат кызы')).toEqual(['aygul', 'mamat']);
    expect(nameTokens('Aigul Mamat-kyzy')).toEqual(['aygul', 'mamat']);
    expect(nameTokens('Dilnoza Rustam qizi')).toEqual(['dilnoza', 'rustam']);
    expect(nameTokens('Алишер Рустамович Каримов')).toEqual(['alisher', 'karimov']);
    expect(nameTokens('Чолпон Асанбаевна Токтогулова')).toEqual(['cholpon', 'toktogulova']);
    expect(nameTokens('Сергей Иванович Юрьевич')).toEqual(['sergey']);
    expect(nameTokens('уулу')).toEqual([]);
  });

  it('does not depend on word order', () => {
    const word = fc.constantFrom(
      'Асанбай',
      'Toktogulov',
      'уулу',
      'Нурлан',
      'kyzy',
      'Асанбаевич',
      'Бакыт',
      'Ümöt',
    );
    fc.assert(
      fc.property(
        fc
          .array(word, { maxLength: 5 })
          .chain((w) => fc.tuple(fc.constant(w), fc.shuffledSubarray(w, { minLength: w.length }))),
        ([w, shuffled]) => {
          expect(nameTokens(shuffled.join(' '))).toEqual(nameTokens(w.join(' ')));
        },
      ),
    );
  });

  it('agrees with canonicalName when there is nothing to drop', () => {
    const word = fc.constantFrom(
      'Асанбай',
      'Abdu-Rahman',
      'Токтогулов',
      'Ümöt',
      'Jyldyz',
      'Нур-Ислам',
      'Dmitrii',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), (w) => {
        const text = w.join(' ');
        expect(nameTokens(text)).toEqual(canonicalName(text).split(' ').filter(Boolean).sort());
      }),
    );
  });

  it('reads the father from any uulu/kyzy form and the stem from a patronymic', () => {
    expect(parseName('Bakyt Nurlan-uulu').father).toBe('nurlan');
    expect(parseName('Айгүл Маматова кызы').father).toBe('mamatova');
    expect(parseName('Асанбай Асанбаевич Токтогулов')).toEqual({
      tokens: ['asanbay', 'toktogulov'],
      father: null,
      patronymic: 'asanba',
    });
  });
});

describe('nameStem', () => {
  it.each([
    ['Маматова', 'mamat'],
    ['Маматов', 'mamat'],
    ['Мамат', 'mamat'],
    ['Асанбаев', 'asanba'],
    ['Асанбай', 'asanba'],
    ['Nurlanov', 'nurlan'],
    ['Ов', 'ov'],
  ])('%s → %s', (token, stem) => {
    expect(nameStem(token)).toBe(stem);
  });
});

describe('phoneticKey', () => {
  it.each([
    ['Асанбай', 'ASANPAJ'],
    ['Жылдыз', 'JLTIS'],
    ['Ёкубов', 'JKUPUV'],
    ['Чолпон', 'CULPUN'],
    ['Мария', 'MARJA'],
    ['', ''],
  ])('%s → %s', (token, key) => {
    expect(phoneticKey(token)).toBe(key);
  });
});
