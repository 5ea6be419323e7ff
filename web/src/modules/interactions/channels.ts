import type { Channel } from '../../api/types';

/** Every channel, in the order the API lists them (visit first: the KAM's main contact). */
export const CHANNELS: readonly Channel[] = [
  'visit',
  'phone',
  'email',
  'meeting',
  'letter',
  'fax',
  'internet',
  'counter',
  'other',
];

export const CHANNEL_COLORS: Record<Channel, string> = {
  visit: 'blue',
  phone: 'green',
  email: 'cyan',
  meeting: 'purple',
  letter: 'gold',
  fax: 'default',
  internet: 'geekblue',
  counter: 'orange',
  other: 'default',
};
