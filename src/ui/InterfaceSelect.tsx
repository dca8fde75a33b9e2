// The Interface of a VM's disk: every interface listed, those that cannot be chosen disabled with the reason in
// words under the list (read with it through aria-describedby), and an error when the chosen one is not allowed.
// Used by the LUN-disk Disk step, the attach options and Edit.
import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import type { InterfaceChoice } from '../domain/disk-options';
import type { DiskInterface } from '../domain/model';
import { t } from '../i18n/i18n';
import { FieldMessages } from './form-fields';

export function InterfaceSelect({
  id,
  label,
  value,
  choices,
  onChange,
  onBlur,
  isDisabled = false,
  error,
  helper,
}: {
  id: string;
  label?: ReactNode;
  value: DiskInterface;
  choices: readonly InterfaceChoice[];
  onChange: (i: DiskInterface) => void;
  onBlur?: () => void;
  isDisabled?: boolean;
  /** The chosen interface is not allowed: why. */
  error?: string | undefined;
  /** Shown when no choice is disabled (or instead of their reasons, e.g. the whole control is locked). */
  helper: ReactNode;
}) {
  const disabled = choices.filter((c) => c.disabled && c.reason && c.value !== value);
  return (
    <FormGroup label={label ?? t('common.interface.label')} fieldId={id}>
      <FormSelect
        id={id}
        value={value}
        isDisabled={isDisabled}
        validated={error ? 'error' : 'default'}
        onChange={(_e, v) => {
          const c = choices.find((x) => x.value === v);
          if (c && !c.disabled) onChange(c.value);
        }}
        onBlur={onBlur}
        aria-describedby={`${id}-message`}
      >
        {choices.map((c) => (
          <FormSelectOption
            key={c.value}
            value={c.value}
            label={c.disabled && c.value !== value && !isDisabled ? t('common.interface.notAvailable', { label: c.label }) : c.label}
            isDisabled={c.disabled && c.value !== value}
          />
        ))}
      </FormSelect>
      <FieldMessages
        id={`${id}-message`}
        error={error}
        helper={
          isDisabled || disabled.length === 0 ? (
            helper
          ) : (
            <>
              {disabled.map((c) => (
                <span key={c.value} style={{ display: 'block' }}>
                  {t('common.interface.reason', { label: c.label, reason: c.reason ?? '' })}
                </span>
              ))}
            </>
          )
        }
      />
    </FormGroup>
  );
}
