// Course content as code: Markdown files with YAML frontmatter, validated with zod. A malformed
// file is reported with its name and the problem (at build, in tests and at start), so it never
// becomes a broken page. Pure: the caller supplies the file texts.
import matter from "gray-matter";
import { z } from "zod";
import { isDay } from "../compliance/day";
import { placeholderOutsideBodyProblems, placeholderProblems } from "./placeholders";

const day = z.string().refine(isDay, "skal være en dato som 2025-08-11");
const httpsUrl = z.url({ protocol: /^https$/, message: "skal være en https-adresse" });
const text = z.string().trim().min(1, "må ikke være tom");

export const Source = z.strictObject({ title: text, url: httpsUrl.optional() });

export const QuizOption = z.strictObject({
  text,
  correct: z.literal(true).optional(),
  explanation: text,
});

export const QuizQuestion = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, "skal være små bogstaver, tal og bindestreg"),
    question: text,
    options: z.array(QuizOption).min(2, "skal have mindst 2 svar").max(5, "må højst have 5 svar"),
  })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: "præcis ét svar skal have correct: true",
    path: ["options"],
  });

const ModuleFrontmatter = z
  .strictObject({
    title: text,
    order: z.number().int().positive(),
    minutes: z.number().int().min(1).max(30),
    passMark: z.number().int().min(1).max(100).default(80),
    sources: z.array(Source).min(1, "et modul skal angive sine kilder"),
    quiz: z
      .array(QuizQuestion)
      .min(4, "en quiz skal have 4-6 spørgsmål")
      .max(6, "en quiz skal have 4-6 spørgsmål"),
  })
  .refine((m) => new Set(m.quiz.map((q) => q.id)).size === m.quiz.length, {
    message: "spørgsmålenes id skal være forskellige",
    path: ["quiz"],
  });

const CourseFrontmatter = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+$/),
  title: text,
  version: z.string().regex(/^\d+\.\d+$/, "skal være et versionsnummer som 1.0"),
  publishedOn: day,
  // A material version ends earlier versions' completions after the re-attestation window.
  material: z.boolean(),
  reattestDays: z.number().int().min(0).max(365).default(30),
  attestation: text.optional(),
  summary: text,
});

export type QuizQuestion = z.infer<typeof QuizQuestion>;
export type Source = z.infer<typeof Source>;

export interface ModulePage {
  heading: string;
  markdown: string;
}

export interface CourseModule {
  slug: string;
  title: string;
  order: number;
  minutes: number;
  passMark: number;
  sources: Source[];
  quiz: QuizQuestion[];
  pages: ModulePage[];
}

export interface CourseContent {
  code: string;
  title: string;
  version: string;
  publishedOn: string;
  material: boolean;
  reattestDays: number;
  attestation: string | null;
  summary: string;
  intro: string;
  modules: CourseModule[];
}

export interface ContentFile {
  /** Path shown in errors, e.g. "app/content/courses/ai/01-intro.md". */
  path: string;
  text: string;
}

export class ContentError extends Error {
  constructor(problems: string[]) {
    super(`Kursusindholdet er ugyldigt:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ContentError";
  }
}

const MODULE_FILE = /(?:^|\/)(\d+)-([a-z0-9-]+)\.md$/;

function describeIssues(path: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${path}: ${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`);
}

/** Problems with the Markdown body: raw HTML and level-1 headings are not allowed. */
function bodyProblems(path: string, body: string): string[] {
  const problems: string[] = [];
  // Module text is rendered as safe Markdown only; raw HTML would be shown as text anyway.
  if (/<\/?[a-zA-Z!][^>]*>/.test(body)) problems.push(`${path}: indeholder HTML; brug kun Markdown`);
  if (/^# /m.test(body))
    problems.push(`${path}: brug ikke overskrifter på niveau 1 (#); siderne deles ved ##`);
  return problems;
}

/** Splits a module's body into pages at each level-2 heading. */
export function splitPages(body: string): ModulePage[] {
  const pages: ModulePage[] = [];
  for (const chunk of body.split(/^## /m).slice(1)) {
    const newline = chunk.indexOf("\n");
    const heading = (newline === -1 ? chunk : chunk.slice(0, newline)).trim();
    const markdown = newline === -1 ? "" : chunk.slice(newline + 1).trim();
    pages.push({ heading, markdown });
  }
  return pages;
}

/** Parses one course folder: its course.md and module files. Throws ContentError listing every problem. */
export function parseCourse(files: ContentFile[]): CourseContent {
  const problems: string[] = [];
  const courseFile = files.find((f) => f.path.endsWith("/course.md"));
  if (!courseFile) throw new ContentError([`${files[0]?.path ?? "?"}: kursusmappen mangler course.md`]);

  const courseMatter = matter(courseFile.text);
  const meta = CourseFrontmatter.safeParse(courseMatter.data);
  if (!meta.success) problems.push(...describeIssues(courseFile.path, meta.error));
  problems.push(...bodyProblems(courseFile.path, courseMatter.content));
  problems.push(...placeholderOutsideBodyProblems(courseFile.path, courseFile.text, "course.md"));

  const modules: CourseModule[] = [];
  for (const file of files) {
    if (file === courseFile) continue;
    const name = MODULE_FILE.exec(file.path);
    if (!name) {
      problems.push(`${file.path}: filnavnet skal være som 01-emne.md (tal, bindestreg, små bogstaver)`);
      continue;
    }
    const parsed = matter(file.text);
    const frontmatter = ModuleFrontmatter.safeParse(parsed.data);
    problems.push(...bodyProblems(file.path, parsed.content));
    problems.push(...placeholderProblems(file.path, parsed.content));
    problems.push(
      ...placeholderOutsideBodyProblems(file.path, parsed.matter, "frontmatter (titel, kilder og quiz)"),
    );
    if (!frontmatter.success) {
      problems.push(...describeIssues(file.path, frontmatter.error));
      continue;
    }
    const pages = splitPages(parsed.content);
    if (pages.length === 0) problems.push(`${file.path}: modulet har ingen sider (hver side starter med ##)`);
    if (Number(name[1]) !== frontmatter.data.order) {
      problems.push(`${file.path}: order (${frontmatter.data.order}) passer ikke med filnavnets nummer`);
    }
    modules.push({ slug: name[2] as string, ...frontmatter.data, pages });
  }
  modules.sort((a, b) => a.order - b.order);
  if (modules.length === 0) problems.push(`${courseFile.path}: kurset har ingen moduler`);
  if (new Set(modules.map((m) => m.order)).size !== modules.length) {
    problems.push(`${courseFile.path}: to moduler har samme order`);
  }

  if (problems.length > 0 || !meta.success) throw new ContentError(problems);
  return {
    ...meta.data,
    attestation: meta.data.attestation ?? null,
    intro: courseMatter.content.trim(),
    modules,
  };
}
