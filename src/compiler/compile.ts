import { checkBalance } from './balance.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { checkDurations } from './duration.ts';
import { linkCourse } from './link.ts';
import { embedImages, type ReadCourseFile } from './images.ts';
import { compileOrganisation, fillPlaceholders, type OrganisationInput } from './organisation.ts';
import { SourceFile } from './source-file.ts';
import { checkRealNames } from './real-names.ts';
import { checkOutcomesDelivered, checkShape } from './shape.ts';
import type { RawModule } from './raw.ts';
import type { Course } from '../model/course.ts';
import { validateAgainstSchema } from './validate.ts';

/** A content file's path (as it should appear in messages) and its text. */
export interface ContentText {
  readonly path: string;
  readonly text: string;
  /** Why the file could not be read (load.ts): its only diagnostic, and it has no data. */
  readonly unreadable?: Diagnostic;
}

export interface CompileResult {
  /** Present only when there are no errors (warnings allowed). */
  readonly course?: Course;
  /** Sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Content files → compiled course: parse (YAML), validate (JSON Schema), link (graph and
 * cross-reference checks). Pure: the caller reads the files (see `load.ts`).
 */
export function compileCourse(
  courseText: ContentText,
  moduleTexts: readonly ContentText[],
  /** The edition's organisation.yaml (organisation.ts); none leaves the views' neutral wording. */
  organisationInput?: OrganisationInput,
  /** Reads images content names, from the course folder (load.ts); none: images are errors. */
  readCourseFile?: ReadCourseFile,
): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const organisation = organisationInput && compileOrganisation(organisationInput);
  if (organisation) diagnostics.push(...organisation.diagnostics);
  const parse = (t: ContentText, kind: 'course' | 'module') => {
    const file = new SourceFile(t.path, t.text, t.unreadable);
    diagnostics.push(...file.parseErrors);
    if (file.data === undefined) return { file, linkable: false, text: t.text };
    const schema = validateAgainstSchema(file, kind);
    diagnostics.push(...schema.diagnostics);
    return { file, linkable: schema.shapeIntact, text: t.text };
  };

  const courseFile = parse(courseText, 'course');
  const modules = moduleTexts.map((t) => parse(t, 'module'));
  // Placeholders are filled before linking, so the Markdown renders with the values in it.
  const placeholderSource = organisationInput && {
    path: organisationInput.text.path,
    ...(organisation?.raw ? { raw: organisation.raw } : {}),
  };
  for (const m of modules.filter((m) => m.linkable)) {
    fillPlaceholders(m.file, m.text, placeholderSource, diagnostics);
    embedImages(m.file, m.text, readCourseFile, diagnostics);
  }
  if (!courseFile.linkable) return { diagnostics: sortDiagnostics(diagnostics) };

  const linked = linkCourse({
    courseFile: courseFile.file,
    moduleFiles: modules.filter((m) => m.linkable).map((m) => m.file),
    brokenModuleIds: modules.filter((m) => !m.linkable).flatMap((m) => idOf(m.file.data, m.text)),
  });
  diagnostics.push(...linked.diagnostics);
  const moduleFiles = new Map<string, SourceFile>();
  for (const m of modules.filter((m) => m.linkable)) {
    const raw = m.file.data as RawModule;
    checkRealNames(m.file, m.text, raw, diagnostics);
    checkShape(m.file, raw, diagnostics);
    if (!moduleFiles.has(raw.id)) moduleFiles.set(raw.id, m.file);
  }
  if (linked.course) {
    const { course } = linked;
    checkDurations(course, moduleFiles, courseFile.file, diagnostics);
    checkOutcomesDelivered(course, courseFile.file, diagnostics);
    checkBalance(
      course.modules.flatMap((module) => {
        const file = moduleFiles.get(module.id);
        return file ? [{ module, file }] : [];
      }),
      courseFile.file,
      diagnostics,
    );
  }
  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted) || !linked.course) return { diagnostics: sorted };
  const edition = organisation?.edition;
  return { course: edition ? { ...linked.course, edition } : linked.course, diagnostics: sorted };
}

/** A broken module's id, from its data or, when the YAML did not parse, from its `id:` line. */
function idOf(data: unknown, text: string): string[] {
  const id =
    (data as { id?: unknown } | undefined)?.id ?? /^id:\s*([a-z0-9-]+)\s*(#.*)?$/m.exec(text)?.[1];
  return typeof id === 'string' ? [id] : [];
}
