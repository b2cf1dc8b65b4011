// Generates the default announcement clips from espeak-ng's Vietnamese and English voices,
// normalised and trimmed with sox. espeak-ng (GPL) runs here as a separate build-time program;
// nothing of it is linked or shipped, only the clips it spoke. Run: npm run audio:generate
// (needs the Debian packages espeak-ng and sox). Offices can replace any clip by dropping a file
// with the same name into DATA/audio/<lang>/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PHRASE_CLIPS } from '../shared/announcementText';
import { GUIDANCE_PHRASES } from '../shared/guidanceClips';
import { LETTER_NAMES } from '../shared/vietnameseNumbers';

const out = path.resolve('resources/audio');
// `--only-missing`: speak only clips not shipped yet (a new phrase), leaving the others byte for byte.
const onlyMissing = process.argv.includes('--only-missing');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-audio-'));

const VI_WORDS: Record<string, string> = {
  khong: 'không', mot: 'một', hai: 'hai', ba: 'ba', bon: 'bốn', nam: 'năm', sau: 'sáu', bay: 'bảy', tam: 'tám', chin: 'chín',
  muoi: 'mười', muoi2: 'mươi', mot2: 'mốt', lam: 'lăm', tu: 'tư', linh: 'linh', tram: 'trăm', nghin: 'nghìn',
  [PHRASE_CLIPS.vi.before]: 'Mời công dân có số thứ tự',
  [PHRASE_CLIPS.vi.middle]: 'đến quầy số',
  quay_so: 'Quầy số',
  tiep_tuc_phuc_vu: 'tiếp tục phục vụ',
};
const EN_WORDS: Record<string, string> = {
  [PHRASE_CLIPS.en.before]: 'Ticket number',
  [PHRASE_CLIPS.en.middle]: 'please come to counter',
  counter: 'Counter',
  is_open_again: 'is open again',
  ...Object.fromEntries(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((w, i) => [`digit_${i}`, w])),
};

function speak(voice: string, text: string, file: string, speed: number): void {
  if (onlyMissing && fs.existsSync(file)) return;
  const wav = path.join(tmp, 'raw.wav');
  execFileSync('espeak-ng', ['-v', voice, '-s', String(speed), '-w', wav, text]);
  // Mono 22.05 kHz, peak-normalised, silence trimmed at both ends so clips join without gaps.
  execFileSync('sox', [wav, '-r', '22050', '-c', '1', file, 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'norm', '-1']);
}

for (const lang of ['vi', 'en'] as const) fs.mkdirSync(path.join(out, lang), { recursive: true });
for (const [id, text] of Object.entries(VI_WORDS)) speak('vi', text, path.join(out, 'vi', `${id}.ogg`), 150);
for (const [letter, name] of Object.entries(LETTER_NAMES)) if (/^[A-Z]$/.test(letter)) speak('vi', name, path.join(out, 'vi', `letter_${letter}.ogg`), 150);
for (const [id, text] of Object.entries(EN_WORDS)) speak('en', text, path.join(out, 'en', `${id}.ogg`), 160);
for (const letter of Object.keys(LETTER_NAMES)) if (/^[A-Z]$/.test(letter)) speak('en', letter, path.join(out, 'en', `letter_${letter}.ogg`), 160);
// The kiosk's spoken guidance (#31): a little slower, for people who asked to hear the steps.
for (const p of GUIDANCE_PHRASES.vi) speak('vi', p.say, path.join(out, 'vi', `${p.id}.ogg`), 140);
for (const p of GUIDANCE_PHRASES.en) speak('en', p.say, path.join(out, 'en', `${p.id}.ogg`), 150);

// Two-note chime (E5 then C5), soft attack and decay: the hall's attention before every call.
for (const lang of ['vi', 'en']) {
  if (onlyMissing && fs.existsSync(path.join(out, lang, 'chime.ogg'))) continue;
  execFileSync('sox', ['-n', '-r', '22050', '-c', '1', path.join(out, lang, 'chime.ogg'), 'synth', '0.45', 'sine', '659.25', 'fade', 'q', '0.01', '0.45', '0.3', ':', 'synth', '0.7', 'sine', '523.25', 'fade', 'q', '0.01', '0.7', '0.5', 'vol', '0.6']);
}
fs.rmSync(tmp, { recursive: true, force: true });
const size = (dir: string) => fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
console.log(`clips written: vi ${fs.readdirSync(path.join(out, 'vi')).length} (${(size(path.join(out, 'vi')) / 1024).toFixed(0)} KB), en ${fs.readdirSync(path.join(out, 'en')).length} (${(size(path.join(out, 'en')) / 1024).toFixed(0)} KB)`);
