import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.ts';

const tokens = (s: string): string[] => tokenize(s).text;

describe('tokenize', () => {
  it.each([
    ['C++ and C#', ['C++', 'and', 'C#']],
    ['F# or .NET', ['F#', 'or', '.NET']],
    ['Node.js, ASP.NET and Vue.js.', ['Node.js', ',', 'ASP.NET', 'and', 'Vue.js', '.']],
    ['CI/CD and TCP/IP', ['CI/CD', 'and', 'TCP/IP']],
    ['A/B testing 24/7, PL/SQL', ['A/B', 'testing', '24/7', ',', 'PL/SQL']],
    ['HTML5/CSS3 and Java/C++', ['HTML5', '/', 'CSS3', 'and', 'Java', '/', 'C++']],
    ['CI / CD', ['CI', '/', 'CD']],
    ['front-end and back_end', ['front', 'end', 'and', 'back', 'end']],
    ['R&D, P&L', ['R', '&', 'D', ',', 'P', '&', 'L']],
    ['Notepad++ g++', ['Notepad++', 'g++']],
    ['Experience.Strong skills', ['Experience', '.', 'Strong', 'skills']],
    ['Python 3.10 and v2.0', ['Python', '3.10', 'and', 'v2.0']],
    ['e.g. Java', ['e.g', '.', 'Java']],
    ['Ph.D. in CS', ['Ph.D', '.', 'in', 'CS']],
    ['Lead#1 x', ['Lead', '#', '1', 'x']],
    ['.5 years', ['.', '5', 'years']],
    ['Kraków and Zürich', ['Kraków', 'and', 'Zürich']],
  ])('%s', (input, expected) => {
    expect(tokens(input)).toEqual(expected);
  });

  it('reports offsets into the input', () => {
    const s = 'Use C++ daily';
    const t = tokenize(s);
    for (let i = 0; i < t.length; i++) expect(s.slice(t.start[i], t.end[i])).toBe(t.text[i]);
    expect(t.key).toEqual(['use', 'c++', 'daily']);
  });
});
