import type { ContentText } from './compile.ts';
import type { Diagnostic } from './diagnostics.ts';
import { describeContact } from '../model/contact.ts';
import type { PaletteRole, RawContact, RawOrganisation } from './raw.ts';
import { SourceFile } from './source-file.ts';
import { fieldOf, rewriteStrings } from './text-walk.ts';
import type { Contact, Edition } from '../model/course.ts';
import { validateAgainstSchema } from './validate.ts';

/**
 * An organisation's edition (issue 13): organisation.yaml names who the course is for and the
 * local routes its learners use (DSL, children's social care front door, LADO, procedures), with an
 * optional logo and colours. The compiler checks it against its schema, checks the colours for
 * WCAG 2.2 AA contrast, and fills the placeholders content uses for it (`{{contacts.dsl}}`).
 * Pure: load.ts reads the files.
 */

export const ORGANISATION_FILE = 'organisation.yaml';
/** A logo larger than this is refused: it goes into every package, on every learner's screen. */
export const MAX_LOGO_BYTES = 100 * 1024;

export interface OrganisationInput {
  readonly text: ContentText;
  /** Reads a file organisation.yaml names (the logo), by its path relative to that file's folder. */
  readonly readAsset: (path: string) => Uint8Array | { readonly problem: string };
}

export interface OrganisationResult {
  /** Present when the file has no errors. */
  readonly edition?: Edition;
  /** The file's data when it passed its schema, for placeholders (even if the palette failed). */
  readonly raw?: RawOrganisation;
  readonly diagnostics: readonly Diagnostic[];
}

export function compileOrganisation(input: OrganisationInput): OrganisationResult {
  const file = new SourceFile(input.text.path, input.text.text, input.text.unreadable);
  if (file.data === undefined) return { diagnostics: file.parseErrors };
  const schema = validateAgainstSchema(file, 'organisation');
  const diagnostics = [...file.parseErrors, ...schema.diagnostics];
  if (schema.diagnostics.length > 0) return { diagnostics };
  const raw = file.data as RawOrganisation;
  for (const failure of paletteFailures(raw.colours ?? {}))
    diagnostics.push(file.diagnostic(['colours', failure.roles[0]], failure.message, failure.fix));
  const logo = raw.logo ? readLogo(raw.logo, input, file, diagnostics) : undefined;
  if (diagnostics.some((d) => d.severity === 'error')) return { raw, diagnostics };
  const edition: Edition = {
    ...(raw.id ? { id: raw.id } : {}),
    name: raw.name,
    contacts: {
      dsl: contactOf(raw.contacts.dsl),
      frontDoor: contactOf(raw.contacts['front-door']),
      lado: contactOf(raw.contacts.lado),
    },
    procedures: raw.procedures,
    ...(logo ? { logo } : {}),
    theme: themeOf(raw),
  };
  return { edition, raw, diagnostics };
}

function contactOf(raw: RawContact): Contact {
  return {
    who: raw.who,
    ...(raw.phone ? { phone: raw.phone } : {}),
    ...(raw.email ? { email: raw.email } : {}),
    ...(raw.hours ? { hours: raw.hours } : {}),
    ...(raw['out-of-hours'] ? { outOfHours: raw['out-of-hours'] } : {}),
  };
}

function readLogo(
  logo: { file: string; alt: string },
  input: OrganisationInput,
  file: SourceFile,
  diagnostics: Diagnostic[],
): Edition['logo'] {
  const bytes = input.readAsset(logo.file);
  const refuse = (message: string, fix: string) => {
    diagnostics.push(file.diagnostic(['logo', 'file'], message, fix));
    return undefined;
  };
  if ('problem' in bytes)
    return refuse(
      `the logo "${logo.file}" ${bytes.problem}`,
      'put the SVG or PNG file in the same folder as this file, and give its name here',
    );
  if (bytes.length > MAX_LOGO_BYTES)
    return refuse(
      `the logo is ${Math.ceil(bytes.length / 1024)} kB; a logo may be at most ${MAX_LOGO_BYTES / 1024} kB`,
      'save a smaller copy (an SVG, or a PNG about 400 pixels wide)',
    );
  const isPng = logo.file.endsWith('.png');
  if (isPng && !startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]))
    return refuse('the logo is named .png but is not a PNG image', 'export the logo as PNG');
  if (!isPng) {
    const text = new TextDecoder().decode(bytes);
    if (!/<svg[\s>]/.test(text))
      return refuse('the logo is named .svg but is not an SVG image', 'export the logo as SVG');
    // Shown as an <img>, an SVG can neither run scripts nor load other files; refused anyway so
    // the package holds nothing that looks like it could.
    if (/<script|\bhref\s*=\s*["']\s*(https?:|\/\/)/i.test(text))
      return refuse(
        'the SVG logo holds a script or a link to another site',
        'export a plain SVG (most design tools have "Export as SVG" with scripts and links off)',
      );
  }
  const type = isPng ? 'image/png' : 'image/svg+xml';
  // btoa, not Buffer: the compiler also runs in the browser (tests compile editions there).
  const base64 = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
  return { src: `data:${type};base64,${base64}`, alt: logo.alt };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

// ---------------------------------------------------------------------------------------------
// Colours

/** The course's own colours (GOV.UK Frontend's), which any colour an edition leaves out keeps. */
export const DEFAULT_PALETTE: Readonly<Record<PaletteRole, string>> = Object.freeze({
  text: '#0b0c0c',
  background: '#ffffff',
  link: '#1d70b8',
  button: '#00703c',
  'button-text': '#ffffff',
  focus: '#ffdd00',
  brand: '#1d70b8',
});

interface ContrastRule {
  readonly foreground: PaletteRole;
  readonly background: PaletteRole;
  readonly minimum: number;
  /** What the pair is, for the message. */
  readonly what: string;
}

/**
 * WCAG 2.2 AA: 4.5:1 for text (1.4.3), 3:1 for controls, focus indicators and graphics (1.4.11).
 * The pairs are the ones the styles use (src/styles/shared.styles.ts).
 */
export const CONTRAST_RULES: readonly ContrastRule[] = [
  { foreground: 'text', background: 'background', minimum: 4.5, what: 'text on the page' },
  { foreground: 'link', background: 'background', minimum: 4.5, what: 'links on the page' },
  { foreground: 'button-text', background: 'button', minimum: 4.5, what: 'text on buttons' },
  { foreground: 'button', background: 'background', minimum: 3, what: 'a button on the page' },
  { foreground: 'text', background: 'focus', minimum: 4.5, what: 'a focused link’s text' },
  { foreground: 'focus', background: 'text', minimum: 3, what: 'the focus ring by its outline' },
  { foreground: 'brand', background: 'background', minimum: 3, what: 'the brand bar on the page' },
];

export interface PaletteFailure {
  readonly roles: readonly [PaletteRole, PaletteRole];
  readonly ratio: number;
  readonly message: string;
  readonly fix: string;
}

/** Every pair of an edition's palette (its colours over the defaults) below WCAG 2.2 AA. */
export function paletteFailures(colours: Partial<Record<PaletteRole, string>>): PaletteFailure[] {
  const palette = { ...DEFAULT_PALETTE, ...colours };
  const failures: PaletteFailure[] = [];
  for (const rule of CONTRAST_RULES) {
    // Only pairs the edition changed: the course's own colours are checked by its tests.
    if (!(rule.foreground in colours) && !(rule.background in colours)) continue;
    const ratio = contrastRatio(palette[rule.foreground], palette[rule.background]);
    if (ratio >= rule.minimum) continue;
    const shown = Math.floor(ratio * 100) / 100;
    failures.push({
      roles:
        rule.foreground in colours
          ? [rule.foreground, rule.background]
          : [rule.background, rule.foreground],
      ratio,
      message: `colours "${rule.foreground}" ${palette[rule.foreground]} on "${rule.background}" ${palette[rule.background]} (${rule.what}) have a contrast of ${shown}:1; WCAG 2.2 AA needs at least ${rule.minimum}:1`,
      fix: `make one of the two darker or lighter until the contrast is at least ${rule.minimum}:1 (a contrast checker such as WebAIM's shows it)`,
    });
  }
  return failures;
}

/** WCAG's contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The CSS custom properties the styles read (src/styles/), for what the edition sets. */
function themeOf(raw: RawOrganisation): Record<string, string> {
  const theme: Record<string, string> = {};
  for (const [role, colour] of Object.entries(raw.colours ?? {}))
    theme[`--sg-colour-${role}`] = colour.toLowerCase();
  // A button of the edition's colour keeps it on hover (the course's darker green would clash),
  // and sits on a shadow of the text colour rather than the course's dark green.
  if (raw.colours?.button) {
    theme['--sg-colour-button-hover'] = raw.colours.button.toLowerCase();
    theme['--sg-colour-button-shadow'] = (raw.colours.text ?? DEFAULT_PALETTE.text).toLowerCase();
  }
  if (raw.font) theme['--sg-font-family'] = raw.font;
  return theme;
}

// ---------------------------------------------------------------------------------------------
// Placeholders

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const CONTACTS = ['dsl', 'front-door', 'lado'] as const;
const CONTACT_FIELDS = ['who', 'phone', 'email', 'hours', 'out-of-hours'] as const;

/** Every placeholder content may use: a field of organisation.yaml, by its path. */
export const PLACEHOLDERS: readonly string[] = [
  'name',
  ...CONTACTS.flatMap((c) => [`contacts.${c}`, ...CONTACT_FIELDS.map((f) => `contacts.${c}.${f}`)]),
  'procedures',
  'procedures.text',
  'procedures.url',
];

/**
 * Keys whose text is plain, not Markdown: a placeholder there is filled without Markdown escapes,
 * and `{{procedures}}` as "text (address)" rather than a link.
 */
const PLAIN_KEYS = new Set(['id', 'title', 'name', 'board', 'link-text', 'contact', 'detail']);

/**
 * The text a placeholder stands for, or undefined when the organisation file does not give it.
 * `{{contacts.dsl}}` is the whole contact in one line; `{{procedures}}` links to them.
 */
function placeholderValue(
  raw: RawOrganisation,
  name: string,
  markdown: boolean,
): string | undefined {
  const escape = (text: string) => (markdown ? text.replace(/[\\`*_[\]<>]/g, '\\$&') : text);
  if (name === 'name') return escape(raw.name);
  if (name === 'procedures') {
    const { text, url } = raw.procedures;
    if (!url) return escape(text);
    return markdown ? `[${escape(text)}](${url})` : `${text} (${url})`;
  }
  if (name === 'procedures.text') return escape(raw.procedures.text);
  if (name === 'procedures.url') return raw.procedures.url;
  const [, contact, field] = name.split('.') as [string, (typeof CONTACTS)[number], string?];
  const found = raw.contacts[contact];
  if (!field) return escape(describeContact(contactOf(found)));
  const value = found[field as (typeof CONTACT_FIELDS)[number]];
  return value === undefined ? undefined : escape(value);
}

/**
 * Fills every `{{placeholder}}` in a module's text from the organisation file, in place (before
 * linking, so the Markdown renders with the values in it). An unknown placeholder is an error at
 * its line in the module; one the organisation file gives no value for is an error naming both
 * files. `organisation` is undefined when the course has no organisation file.
 */
export function fillPlaceholders(
  file: SourceFile,
  text: string,
  organisation: { readonly path: string; readonly raw?: RawOrganisation } | undefined,
  diagnostics: Diagnostic[],
): void {
  rewriteStrings(file, text, (value, path, where) => {
    if (!value.includes('{{')) return value;
    const markdown = !PLAIN_KEYS.has(fieldOf(path));
    return value.replace(PLACEHOLDER, (literal, name: string) => {
      const report = (message: string, fix: string) => {
        diagnostics.push({ severity: 'error', file: file.path, ...where(literal), message, fix });
        return literal;
      };
      if (!PLACEHOLDERS.includes(name))
        return report(
          `unknown placeholder ${literal}`,
          `use one of: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')} (docs/authoring.md, "Your organisation's edition")`,
        );
      if (!organisation)
        return report(
          `${literal} needs an organisation file, and the course has none`,
          `create ${ORGANISATION_FILE} beside course.yaml (copy the repository's course/${ORGANISATION_FILE}), or take the placeholder out`,
        );
      // The organisation file has errors of its own (reported there): nothing to fill from.
      if (!organisation.raw) return literal;
      const filled = placeholderValue(organisation.raw, name, markdown);
      if (filled === undefined)
        return report(
          `${literal} needs "${name}", which ${organisation.path} does not give`,
          `add ${name.split('.').at(-1)}: under ${name.split('.').slice(0, -1).join(': ')}: in ${organisation.path}, or use {{${name.split('.').slice(0, -1).join('.')}}}, which needs only "who"`,
        );
      return filled;
    });
  });
}
