// One disk's attach options — interface, Activate, Bootable, Read-only — under the engine's rules: an option
// that does not apply stays visible, disabled, with the reason next to it (aria-describedby). What the disk
// brings itself (pass-through, sharable) is shown as text: an attach cannot change it.
import { Checkbox, FormGroup } from '@patternfly/react-core';
import { attachOptionStates, type AttachChoice, type AttachDisk, type AttachVm } from '../../domain/attach-options';
import { InterfaceSelect } from '../../ui/InterfaceSelect';

const CHECKS: Array<{ key: 'activate' | 'bootable' | 'readOnly'; label: string }> = [
  { key: 'activate', label: 'Activate (plug the disk)' },
  { key: 'bootable', label: 'Bootable' },
  { key: 'readOnly', label: 'Read-only' },
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
        label={<>Interface{sr}</>}
        value={choice.interface}
        choices={s.interfaces}
        onChange={(i) => onChange({ ...choice, interface: i })}
        isDisabled={isDisabled}
        error={s.interfaceProblem}
        helper={`How ${vm.name} sees the disk. Only VirtIO and VirtIO-SCSI can be hot plugged into a running VM.${note ? ` ${note}` : ''}`}
      />
      <FormGroup label={<>Options{sr}</>} role="group" fieldId={`${idPrefix}-options`}>
        {CHECKS.map(({ key, label }) => {
          const st = s[key];
          return (
            <Checkbox
              key={key}
              id={`${idPrefix}-${key}`}
              label={
                <>
                  {label}
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
        {disk.sharable ? `${disk.alias} is sharable (the disk's own setting).` : `${disk.alias} is not sharable.`}{' '}
        {s.passthroughNote ?? `${disk.alias} has no SCSI pass-through.`}
      </p>
    </>
  );
}
