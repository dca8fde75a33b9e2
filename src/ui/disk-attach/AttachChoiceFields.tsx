// One disk's attach options — interface, Activate, Bootable, Read-only — under the engine's rules: an option
// that does not apply stays visible, disabled, with the reason next to it (aria-describedby). What the disk
// brings itself (pass-through, sharable) is shown as text: an attach cannot change it.
import { Checkbox, FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { attachOptionStates, type AttachChoice, type AttachDisk, type AttachVm } from '../../domain/attach-options';
import { FieldMessages } from '../form-fields';

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
  const disabledChoices = s.interfaces.filter((c) => c.disabled && c.reason);
  const ifaceId = `${idPrefix}-interface`;
  // The space outside the hidden span: name computation trims an element's own leading space.
  const sr = labelSuffix ? (
    <>
      {' '}
      <span className="pf-v6-screen-reader">{labelSuffix}</span>
    </>
  ) : null;
  return (
    <>
      <FormGroup label={<>Interface{sr}</>} fieldId={ifaceId}>
        <FormSelect
          id={ifaceId}
          value={choice.interface}
          isDisabled={isDisabled}
          validated={s.interfaceProblem ? 'error' : 'default'}
          onChange={(_e, v) => {
            const c = s.interfaces.find((x) => x.value === v);
            if (c && !c.disabled) onChange({ ...choice, interface: c.value });
          }}
          aria-describedby={`${ifaceId}-message`}
        >
          {s.interfaces.map((c) => (
            <FormSelectOption key={c.value} value={c.value} label={c.disabled ? `${c.label} (not available)` : c.label} isDisabled={c.disabled} />
          ))}
        </FormSelect>
        <FieldMessages
          id={`${ifaceId}-message`}
          error={s.interfaceProblem}
          helper={
            disabledChoices.length > 0 ? (
              <>
                {disabledChoices.map((c) => (
                  <span key={c.value} style={{ display: 'block' }}>
                    {c.label}: {c.reason}
                  </span>
                ))}
              </>
            ) : (
              `How ${vm.name} sees the disk. Only VirtIO and VirtIO-SCSI can be hot plugged into a running VM.`
            )
          }
        />
      </FormGroup>
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
