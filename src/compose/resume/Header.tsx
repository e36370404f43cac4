import { Image, Link, View } from '@react-pdf/renderer';
import { keepTogether } from './Entry.js';
import { Text } from '../shared/Text.js';
import type { Contact, ResumeModel } from '../../tailor/model.js';
import type { Theme } from '../../validate/schema/theme.js';
import type { TextStyles } from '../styles.js';
import { tag } from '../shared/tag.js';
import { INLINE_SEPARATOR } from '../shared/inlineList.js';

const PHOTO = { width: 72, height: 96 };

const applyingFor = (model: ResumeModel): string | undefined =>
  model.target ? `${model.labels.applyingFor} ${model.target.position} · ${model.target.company}` : undefined;

/** Name, headline, the role applied for and contacts in a row, with the photo on the right. */
export function Header({ model, theme, s }: { model: ResumeModel; theme: Theme; s: TextStyles }) {
  const { person } = model;
  const target = applyingFor(model);
  return (
    <View style={{ flexDirection: 'row', marginBottom: theme.spacing.section }}>
      <View style={{ flex: 1 }}>
        <Text style={s.name} {...tag('H1')}>
          {person.name}
        </Text>
        {person.headline ? <Text style={[s.headline, { marginTop: 2 }]}>{person.headline}</Text> : null}
        {target ? <Text style={[s.small, { marginTop: 2 }]}>{target}</Text> : null}
        {person.contacts.length > 0 ? (
          <Text style={[s.small, { marginTop: 6 }]}>
            {person.contacts.map((c, i) => (
              <Text key={i}>
                {i > 0 ? INLINE_SEPARATOR : ''}
                <ContactText contact={c} s={s} />
              </Text>
            ))}
          </Text>
        ) : null}
      </View>
      {person.image ? (
        <Image
          src={person.image}
          style={{ ...PHOTO, flexShrink: 0, objectFit: 'cover', marginLeft: 16, borderRadius: 2 }}
          {...tag('Figure', { alt: person.name })}
        />
      ) : null}
    </View>
  );
}

/** The sidebar's top: photo, name, headline, the role, then one contact per line. */
export function SidebarProfile({ model, theme, s }: { model: ResumeModel; theme: Theme; s: TextStyles }) {
  const { person } = model;
  const color = theme.sidebar?.text ?? theme.colors.text;
  const target = applyingFor(model);
  return (
    <View style={{ marginBottom: theme.spacing.section }}>
      {person.image ? (
        <Image src={person.image} style={{ ...PHOTO, objectFit: 'cover', marginBottom: 10, borderRadius: 2 }} {...tag('Figure', { alt: person.name })} />
      ) : null}
      <Text style={[s.name, { color }]} {...tag('H1')}>
        {person.name}
      </Text>
      {person.headline ? <Text style={[s.headline, { marginTop: 4 }]}>{person.headline}</Text> : null}
      {target ? <Text style={[s.small, { color, marginTop: 4 }]}>{target}</Text> : null}
      <View style={{ marginTop: 10 }}>
        {person.contacts.map((c, i) => (
          <Text key={i} style={[s.small, { color, marginBottom: 2 }]}>
            <ContactText contact={c} s={s} />
          </Text>
        ))}
      </View>
    </View>
  );
}

function ContactText({ contact, s }: { contact: Contact; s: TextStyles }) {
  // A phone number or an email is never broken across lines.
  const text = contact.kind === 'phone' || contact.kind === 'email' ? keepTogether(contact.text) : contact.text;
  return contact.href ? (
    <Link src={contact.href} style={s.link}>
      {text}
    </Link>
  ) : (
    text
  );
}
