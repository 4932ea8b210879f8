// Whom a message goes to, in one searchable list: all bureaus, the General Secretariat, a
// region, a bureau by its name, or a unit of a bureau whose units the sender may list.
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Addressees, GS, REGIONS } from './messagesApi';
import type { useBureaus } from './useBureaus';

/** A chosen addressee: `all`, `gs`, `region:europe`, `bureau:JO` or `unit:<id>`. */
export type Token = string;

export function toAddressees(tokens: Token[]): Addressees {
  const out: Addressees = {};
  const bureaus: string[] = [];
  const regions: string[] = [];
  const units: string[] = [];
  for (const tok of tokens) {
    if (tok === 'all') out.allBureaus = true;
    else if (tok === 'gs') out.generalSecretariat = true;
    else if (tok.startsWith('region:')) regions.push(tok.slice(7));
    else if (tok.startsWith('bureau:')) bureaus.push(tok.slice(7));
    else if (tok.startsWith('unit:')) units.push(tok.slice(5));
  }
  if (bureaus.length) out.bureaus = bureaus;
  if (regions.length) out.regions = regions;
  if (units.length) out.units = units;
  return out;
}

export function AddresseePicker({
  label,
  value,
  onChange,
  bureaus,
  ownBureau,
  units,
  error,
  testId,
}: {
  label: string;
  value: Token[];
  onChange: (v: Token[]) => void;
  bureaus: ReturnType<typeof useBureaus>;
  ownBureau: string;
  /** The units offered, already labelled ("Cybercrime unit — France (FR)"). */
  units: { value: string; label: string }[];
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const data = [
    {
      group: t('messages.compose.groups.wide'),
      items: [
        { value: 'all', label: t('messages.compose.allBureaus') },
        ...(ownBureau !== GS ? [{ value: 'gs', label: t('messages.compose.generalSecretariat') }] : []),
      ],
    },
    {
      group: t('messages.compose.groups.regions'),
      items: REGIONS.map((r) => ({ value: `region:${r}`, label: t(`messages.regions.${r}`) })),
    },
    {
      group: t('messages.compose.groups.bureaus'),
      items: bureaus.members
        .filter((b) => b.value !== ownBureau)
        .map((b) => ({ value: `bureau:${b.value}`, label: b.label })),
    },
    ...(units.length > 0
      ? [
          {
            group: t('messages.compose.groups.units'),
            items: units.map((u) => ({ value: `unit:${u.value}`, label: u.label })),
          },
        ]
      : []),
  ];
  return (
    <MultiSelect
      label={label}
      searchable
      clearable
      hidePickedOptions
      limit={60}
      nothingFoundMessage={t('messages.compose.nothingFound')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      data-testid={testId}
    />
  );
}
