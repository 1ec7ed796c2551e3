import { describe, expect, it } from 'vitest';
import { ageBandLabel, NOTE_MAX, nextActions, noteProblem, noteToSend } from './referralActions.ts';

describe('referral answers', () => {
  it('offers accept or decline for a new referral, complete once accepted, nothing after', () => {
    expect(nextActions('sent')).toEqual(['accepted', 'declined']);
    expect(nextActions('accepted')).toEqual(['completed']);
    expect(nextActions('completed')).toEqual([]);
    expect(nextActions('declined')).toEqual([]);
  });

  it('refuses a note longer than the server takes, counting without outer spaces', () => {
    expect(noteProblem('x'.repeat(NOTE_MAX))).toBeUndefined();
    expect(noteProblem(` ${'x'.repeat(NOTE_MAX)} `)).toBeUndefined();
    expect(noteProblem('x'.repeat(NOTE_MAX + 1))).toBe('partner.noteTooLong');
  });

  it('sends the note only when it changed', () => {
    expect(noteToSend('', null)).toBeUndefined();
    expect(noteToSend(' Called her ', 'Called her')).toBeUndefined();
    expect(noteToSend('Called her on Monday', 'Called her')).toBe('Called her on Monday');
    expect(noteToSend('  ', 'Called her')).toBe('');
  });

  it('writes age bands with an en dash', () => {
    expect(ageBandLabel('27--29')).toBe('27–29');
    expect(ageBandLabel('48+')).toBe('48+');
  });
});
