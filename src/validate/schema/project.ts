import * as z from 'zod';
import { langSchema, tags, text } from './primitives.js';

/**
 * A portfolio page's id: the file name unless the front matter gives one. Letters of any script
 * are allowed, so that a page saved as `기타-프로젝트.md` has a usable id (and title) as it is.
 */
export const projectId = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, { message: 'expected an id of letters, digits, - and _ (e.g. delivery-eta)' });

/**
 * The optional front matter of `data/projects/*.md`. Every key is optional: a page written for a
 * web site, with no front matter at all, builds as it is. Keys this tool does not know (a site
 * generator's `date`, `draft`, `layout`…) are ignored with a warning, not refused.
 */
export const projectFrontMatterSchema = z.object({
  $schema: z.string().optional(),
  id: projectId.optional().describe('defaults to the file name without .md'),
  lang: langSchema.optional().describe('the language the page is written in (a file named <id>.en.md is English); a role picks the version in its language'),
  title: text.optional().describe('defaults to a leading "# heading", else the file name'),
  period: text.optional().describe('e.g. 2021.03 – 2022.12'),
  organization: text.optional(),
  role: text.optional().describe('your role in the project, e.g. Project Tech Lead'),
  stack: z.array(z.string().min(1)).optional().describe('technologies, shown in the page header'),
  tags: tags.optional().describe('role files pick pages by these'),
  summary: text.optional().describe('one or two sentences under the title'),
  cover: z.string().min(1).optional().describe('an image path drawn under the header'),
  order: z.number().optional().describe('position in the master portfolio (lower first); then the file name'),
  roles: z.array(z.string().min(1)).optional().describe('role ids this page is for; absent: every role'),
});

export type ProjectFrontMatter = z.infer<typeof projectFrontMatterSchema>;

export const PROJECT_KEYS = Object.keys(projectFrontMatterSchema.shape);
