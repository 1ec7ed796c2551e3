import { describe, expect, it } from 'vitest';
import { toLatin } from './transliterate.ts';

describe('toLatin', () => {
  it.each([
    ['Асанбай Токтогулов', 'Asanbay Toktogulov'],
    ['Санобар', 'Sanobar'],
    ['Чолпон Үсөнова', 'Cholpon Usonova'],
    ['Жылдыз Ңурова', 'Zhyldyz Ngurova'],
    ['Щукин Юрий Ёлкин', 'Shchukin Yuriy Yolkin'],
    ['Sirojiddin', 'Sirojiddin'],
    ['Объект-Мать', 'Obekt-Mat'],
  ])('%s → %s', (input, expected) => {
    expect(toLatin(input)).toBe(expected);
  });
});
