// One disk's attach options — interface, Activate, Bootable, Read-only — under the engine's rules: an option
// that does not apply stays visible, disabled, with the reason next to it (aria-describedby). What the disk
// brings itself (pass-through, sharable) is shown as text: an attach cannot change it.
import { Checkbox, FormGroup } from '@patternfly/react-core';
import { attachOptionStates, type AttachChoice, type AttachDisk, type AttachVm } from '../../domain/attach-options';
import { InterfaceSelect } from '../../ui/InterfaceSelect';
import { t, type MessageId } from '../../i18n/i18n';

const CHECKS: Array<{ key: 'activate' | 'bootable' | 'readOnly'; label: MessageId }> = [
  { key: 'activate', label: 'attach.choice.activate' },
  { key: 'bootable', label: 'attach.choice.bootable' },
  { key: 'readOnly', label: 'attach.choice.readOnly' },
];

export function AttachChoiceFields({
  idPrefix,
  vm,
  disk,
  choice,
  onChange,
  bootableTakenBy,
  isDisabled = false,
  labelSuffix = '',
}: {
  /** Unique per disk on the page: ids of the controls and their messages. */
  idPrefix: string;
  vm: AttachVm;
  disk: AttachDisk;
  choice: AttachChoice;
  onChange: (c: AttachChoice) => void;
  bootableTakenBy?: string | undefined;
  isDisabled?: boolean;
  /** Appended to each label for screen readers when several disks are on one page ("for archive-lun"). */
  labelSuffix?: string;
}) {
  const s = attachOptionStates(vm, disk, choice, bootableTakenBy);
  const note = s.interfaces.find((c) => c.value === choice.interface)?.note;
  // The space outside the hidden span: name computation trims an element's own leading space.
  const sr = labelSuffix ? (
    <>
      {' '}
      <span className="pf-v6-screen-reader">{labelSuffix}</span>
    </>
  ) : null;
  return (
    <>
      <InterfaceSelect
        id={`${idPrefix}-interface`}
        label={
          <>
            {t('attach.choice.interface')}
            {sr}
          </>
        }
        value={choice.interface}
        choices={s.interfaces}
        onChange={(i) => onChange({ ...choice, interface: i })}
        isDisabled={isDisabled}
        error={s.interfaceProblem}
        helper={note ? t('attach.choice.interfaceHelpNote', { vm: vm.name, note }) : t('attach.choice.interfaceHelp', { vm: vm.name })}
      />
      <FormGroup label={
          <>
            {t('attach.choice.options')}
            {sr}
          </>
        } role="group" fieldId={`${idPrefix}-options`}>
        {CHECKS.map(({ key, label }) => {
          const st = s[key];
          return (
            <Checkbox
              key={key}
              id={`${idPrefix}-${key}`}
              label={
                <>
                  {t(label)}
                  {sr}
                </>
              }
              isChecked={st.applies && choice[key]}
              isDisabled={!st.applies || isDisabled}
              onChange={(_e, checked) => onChange({ ...choice, [key]: checked })}
              description={!st.applies ? <span data-reason>{st.reason}</span> : st.note}
            />
          );
        })}
      </FormGroup>
      <p style={{ color: 'var(--pf-t--global--text--color--subtle)', fontSize: 'var(--pf-t--global--font--size--sm)' }}>
        {disk.sharable ? t('attach.choice.sharable', { disk: disk.alias }) : t('attach.choice.notSharable', { disk: disk.alias })}{' '}
        {s.passthroughNote ?? t('attach.choice.noPassthrough', { disk: disk.alias })}
      </p>
    </>
  );
}
