// The limit checker used by every builder test must itself catch each kind of mistake.

import { describe, expect, it } from 'vitest';
import { limitProblems, type Surface } from './slack-limits.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const message = (blocks: unknown[], text = 'fallback') => ({ text, blocks });
const button = (text: string) => ({ type: 'button', action_id: 'a', value: '1', text: { type: 'plain_text', text } });
const option = (text: string, value: string) => ({ text: { type: 'plain_text', text }, value });

describe('limitProblems', () => {
  it('accepts a valid message', () => {
    expect(limitProblems(message([section('hola <@U0123ABC> &amp; adiós')]))).toEqual([]);
  });

  it.each<[string, Surface, string]>([
    ['too many message blocks', message(Array.from({ length: 51 }, () => section('x'))), '51 blocks'],
    ['too many view blocks', { type: 'home', blocks: Array.from({ length: 101 }, () => section('x')) }, '101 blocks'],
    ['a long section', message([section('x'.repeat(3001))]), 'section text has 3001'],
    ['an empty text', message([section('')]), 'empty text'],
    ['the text budget', message(Array.from({ length: 5 }, () => section('x'.repeat(2500)))), 'characters of text'],
    ['a long button', message([{ type: 'actions', elements: [button('x'.repeat(76))] }]), 'button text has 76'],
    ['two buttons with one action_id', message([{ type: 'actions', elements: [button('a'), button('b')] }]), 'repeated action_id'],
    ['unescaped < in mrkdwn', message([section('Pérez <SA>')]), 'unescaped <'],
    ['unescaped & in mrkdwn', message([section('Pérez & Hijos')]), 'unescaped &'],
    ['a repeated block_id', message([{ ...section('a'), block_id: 'x' }, { ...section('b'), block_id: 'x' }]), 'repeated block_id'],
    ['a long header', message([{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }]), 'header has 151'],
    ['a long modal title', { type: 'modal', title: { type: 'plain_text', text: 'x'.repeat(25) }, blocks: [section('a')] } as Surface, 'modal title'],
    [
      'an initial option that is not an option',
      {
        type: 'modal',
        title: { type: 'plain_text', text: 't' },
        submit: { type: 'plain_text', text: 's' },
        blocks: [
          {
            type: 'input',
            block_id: 'b',
            label: { type: 'plain_text', text: 'l' },
            element: { type: 'static_select', action_id: 'b', options: [option('a', 'a')], initial_option: option('z', 'z') },
          },
        ],
      } as Surface,
      'initial_option is not one of the options',
    ],
    [
      'a long option',
      message([{ type: 'section', text: { type: 'mrkdwn', text: 'x' }, accessory: { type: 'static_select', action_id: 's', options: [option('x'.repeat(76), '1')] } }]),
      'option 0 text has 76',
    ],
  ])('finds %s', (_name, surface, expected) => {
    expect(limitProblems(surface).join('\n')).toContain(expected);
  });
});
