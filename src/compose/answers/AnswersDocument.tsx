import { Document, Page, View } from '@react-pdf/renderer';
import { documentMeta } from '../shared/documentMeta.js';
import { Text } from '../shared/Text.js';
import type { DocumentMeta } from '../../tailor/model.js';
import type { ResolvedApplication, ResolvedQuestion } from '../../tailor/resolveAnswers.js';
import type { Lang } from '../../validate/schema/primitives.js';
import type { Theme } from '../../validate/schema/theme.js';
import { bookmark } from '../shared/bookmark.js';
import { PageFooter } from '../shared/PageFooter.js';
import { fontStacks } from '../fontStacks.js';
import { pageStyle, textStyles, type TextStyles } from '../styles.js';
import { answerStructure, type AnswerLine, type AnswerParagraph } from './answerStructure.js';
import { countLine, questionEyebrow } from './countLabel.js';
import { structure, tag } from '../shared/tag.js';
import { ANSWERS_LABELS } from '../../tailor/i18n.js';

export interface AnswersModel {
  lang: Lang;
  name: string;
  application: ResolvedApplication;
  meta: DocumentMeta;
}

/** Width kept for a list marker (`-`, `10.`) so that the item's wrapped lines hang under its text. */
const MARKER_WIDTH = 14;

/**
 * The application answers: who and for which position, then each question with its answer as
 * the form will receive it. The count under each question is small and grey: it is for the
 * sender's eye, not the reader's.
 */
export function AnswersDocument({ model, theme }: { model: AnswersModel; theme: Theme }) {
  const s = textStyles(theme, fontStacks(theme, model));
  const labels = ANSWERS_LABELS[model.lang];
  const { meta, application } = model;
  return (
    <Document {...documentMeta(meta)}>
      <Page size={theme.page.size} style={pageStyle(theme)}>
        <View style={{ marginBottom: theme.spacing.section, paddingBottom: 8, borderBottomWidth: 0.8, borderBottomColor: theme.colors.rule }}>
          <Text style={s.name} {...tag('H1')}>
            {labels.document}
          </Text>
          <Text style={[s.headline, { marginTop: 2 }]}>{[model.name, application.company, application.position].filter(Boolean).join(' · ')}</Text>
        </View>
        {application.questions.map((q) => (
          <Question key={q.id} q={q} total={application.questions.length} label={labels.question} lang={model.lang} theme={theme} s={s} />
        ))}
        <PageFooter theme={theme} styles={s} caption={[model.name, application.position, labels.document].filter(Boolean).join(' · ')} />
      </Page>
    </Document>
  );
}

function Question({ q, total, label, lang, theme, s }: { q: ResolvedQuestion; total: number; label: string; lang: Lang; theme: Theme; s: TextStyles }) {
  const [first, ...rest] = answerStructure(q.answer.text);
  const over = q.count > q.limit;
  return (
    <View style={{ marginBottom: theme.spacing.section + 4 }} {...bookmark(`${q.number}. ${shorten(q.question, 48)}`)} {...tag('Sect')}>
      {/* The question, its count and the first paragraph stay together: a question never ends a page alone. */}
      <View wrap={false}>
        <Text style={[s.small, { color: theme.colors.accent, fontWeight: 600 }]}>{questionEyebrow(label, q.number, total)}</Text>
        {/* One Text per line: a "\n" inside a Text pulls in an unembedded Helvetica. */}
        {q.question.split('\n').map((line, i) => (
          <Text key={i} style={[s.title, { marginTop: i === 0 ? 1 : 0 }]} {...tag('H2')}>
            {line}
          </Text>
        ))}
        <Text style={[s.small, { marginTop: 1, marginBottom: 6, ...(over ? { fontWeight: 700 } : {}) }]}>{countLine(q, lang)}</Text>
        {first ? <Paragraph lines={first} theme={theme} s={s} /> : null}
      </View>
      {rest.map((lines, i) => (
        <Paragraph key={i} lines={lines} theme={theme} s={s} />
      ))}
    </View>
  );
}

function Paragraph({ lines, theme, s }: { lines: AnswerParagraph; theme: Theme; s: TextStyles }) {
  const list = structure('L');
  return (
    <View style={{ marginBottom: theme.spacing.paragraph + 3 }}>
      {lines.map((line, i) =>
        line.marker ? (
          // Unbreakable: split at a page end, the marker stayed alone at the foot while its text went over (seen on Letter).
          <View key={i} wrap={false} style={{ flexDirection: 'row', marginBottom: theme.spacing.bullet }} {...tag('LI', { parent: list })}>
            <Text style={[s.body, { width: MARKER_WIDTH, flexShrink: 0 }]} {...tag('Lbl')}>
              {line.marker}
            </Text>
            <Text style={[s.body, { flex: 1, flexBasis: 0 }]} {...tag('LBody')}>
              <Runs line={line} s={s} />
            </Text>
          </View>
        ) : (
          <Text key={i} style={s.body}>
            <Runs line={line} s={s} />
          </Text>
        ),
      )}
    </View>
  );
}

function Runs({ line, s }: { line: AnswerLine; s: TextStyles }) {
  return (
    <>
      {line.runs.map((run, i) =>
        run.bold ? (
          <Text key={i} style={s.strong}>
            {run.text}
          </Text>
        ) : (
          run.text
        ),
      )}
    </>
  );
}

const shorten = (text: string, max: number): string =>
  Array.from(text).length > max
    ? `${Array.from(text)
        .slice(0, max - 1)
        .join('')}…`
    : text;
