// Form fields bound to react-hook-form: the label, the control, the message next to it (tied with
// aria-describedby), and for options that do not apply the reason in words next to the disabled control. A password
// is a SecretField, never a TextField: its value must not reach the DOM's value attribute.
import { t } from '../i18n/i18n';
import { Checkbox, FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import type { FocusEvent, KeyboardEvent, ReactNode } from 'react';
import { Controller, useFormState, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export function FieldMessages({
  id,
  error,
  warning,
  helper,
}: {
  id: string;
  error?: string | undefined;
  /** Said next to the field without refusing the value (the error, when there is one, says more). */
  warning?: string | undefined;
  helper?: ReactNode;
}) {
  if (!error && !helper && !warning) return null;
  return (
    <FormHelperText>
      <HelperText id={id}>
        {error ? (
          <HelperTextItem variant="error" screenReaderText={t('pf.helper.error')}>
            {error}
          </HelperTextItem>
        ) : (
          <>
            {warning ? (
              <HelperTextItem variant="warning" screenReaderText={t('pf.helper.warning')}>
                {warning}
              </HelperTextItem>
            ) : null}
            {helper ? <HelperTextItem>{helper}</HelperTextItem> : null}
          </>
        )}
      </HelperText>
    </FormHelperText>
  );
}

export function TextField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  helper,
  warning,
  isRequired,
  autoComplete,
  placeholder,
  onKeyDown,
  onValueChange,
  inputMode,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  id: string;
  label: string;
  helper?: ReactNode;
  warning?: string | undefined;
  isRequired?: boolean;
  autoComplete?: string;
  placeholder?: string;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  /** Called after the form value changed (e.g. to clear an engine error tied to the field). */
  onValueChange?: (v: string) => void;
  inputMode?: 'numeric' | 'text';
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const messageId = `${id}-message`;
        const hasMessage = !!fieldState.error?.message || !!helper || !!warning;
        return (
          <FormGroup label={label} fieldId={id} isRequired={isRequired}>
            <TextInput
              id={id}
              ref={field.ref}
              name={field.name}
              type="text"
              value={typeof field.value === 'string' ? field.value : ''}
              onChange={(_e, v) => {
                field.onChange(v);
                onValueChange?.(v);
              }}
              onBlur={field.onBlur}
              onKeyDown={onKeyDown}
              autoComplete={autoComplete}
              placeholder={placeholder}
              inputMode={inputMode}
              validated={fieldState.error ? 'error' : warning ? 'warning' : 'default'}
              aria-describedby={hasMessage ? messageId : undefined}
              isRequired={isRequired}
            />
            <FieldMessages id={messageId} error={fieldState.error?.message} warning={warning} helper={helper} />
          </FormGroup>
        );
      }}
    />
  );
}

/**
 * A password. React mirrors a controlled input's value into its `value` attribute (and PatternFly's TextInput passes
 * `value` on), where outerHTML shows it to session-replay and error-reporting tools, extensions and attribute
 * selectors. So this input is uncontrolled: react-hook-form's register keeps the value in the form (validation,
 * submit, focus on error) and sets the element's value property only, never the attribute.
 */
export function SecretField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  helper,
  isRequired,
  autoComplete,
  onKeyDown,
  onValueChange,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  id: string;
  label: string;
  helper?: ReactNode;
  isRequired?: boolean;
  autoComplete: 'current-password' | 'new-password';
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  /** Called after the value changed (e.g. to clear an engine error tied to the field); never given the value. */
  onValueChange?: () => void;
}) {
  const formState = useFormState<T>({ control, name });
  const { error } = control.getFieldState(name, formState);
  const { ref, onChange, onBlur, name: fieldName } = control.register(name);
  const messageId = `${id}-message`;
  const hasMessage = !!error?.message || !!helper;
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <TextInput
        id={id}
        ref={ref}
        name={fieldName}
        type="password"
        onChange={(e) => {
          void onChange(e);
          onValueChange?.();
        }}
        onBlur={(e: FocusEvent<HTMLInputElement>) => void onBlur(e)}
        onKeyDown={onKeyDown}
        autoComplete={autoComplete}
        validated={error ? 'error' : 'default'}
        aria-describedby={hasMessage ? messageId : undefined}
        isRequired={isRequired}
      />
      <FieldMessages id={messageId} error={error?.message} helper={helper} />
    </FormGroup>
  );
}

/**
 * A checkbox that may not apply: then it is disabled and shown off (whatever was chosen is kept for when it
 * applies again), with the reason next to it, read by screen readers through aria-describedby.
 */
export function OptionCheckbox<T extends FieldValues>({
  control,
  name,
  id,
  label,
  applies,
  reason,
  note,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  id: string;
  label: string;
  applies: boolean;
  reason?: string | undefined;
  note?: string | undefined;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox
          id={id}
          name={field.name}
          label={label}
          isChecked={applies && field.value === true}
          isDisabled={!applies}
          onChange={(_e, checked) => field.onChange(checked)}
          onBlur={field.onBlur}
          description={!applies && reason ? <span data-reason>{reason}</span> : note ? note : undefined}
        />
      )}
    />
  );
}
