// The portal to discover from: address, port and the optional CHAP pair, the Discover button with what the last
// discovery found, and a failure that belongs to no field. Enter in any of the fields discovers.
import { Alert, Button, Grid, GridItem } from '@patternfly/react-core';
import type { KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SecretField, TextField } from '../../ui/form-fields';
import type { LunDiskFormValues } from './form';
import type { Discovery } from './use-discovery';
import { t, type MessageId } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

type DiscoveryInput = 'address' | 'port' | 'chapUsername' | 'chapPassword';

interface InputSpec {
  name: Exclude<DiscoveryInput, 'chapPassword'>;
  id: string;
  label: MessageId;
  /** Grid columns (of 12) from the md breakpoint. */
  md: 4 | 6 | 8;
  helper: MessageId;
  /** The errors a change of this field clears. */
  clears: DiscoveryInput[];
  isRequired?: boolean;
  placeholder?: MessageId;
  inputMode?: 'numeric';
  autoComplete?: string;
}

const CHAP: DiscoveryInput[] = ['chapUsername', 'chapPassword'];

// The CHAP password is not among them: it is a SecretField (uncontrolled, its value never in the DOM attribute).
const TEXT_INPUTS: InputSpec[] = [
  {
    name: 'address',
    id: 'iscsi-address',
    label: 'lunDisk.discovery.address',
    md: 8,
    isRequired: true,
    placeholder: 'lunDisk.discovery.addressPlaceholder',
    helper: 'lunDisk.discovery.addressHelper',
    clears: ['address'],
  },
  { name: 'port', id: 'iscsi-port', label: 'lunDisk.discovery.port', md: 4, inputMode: 'numeric', helper: 'lunDisk.discovery.portHelper', clears: ['port'] },
  {
    name: 'chapUsername',
    id: 'chap-username',
    label: 'lunDisk.discovery.chapUsername',
    md: 6,
    autoComplete: 'off',
    helper: 'lunDisk.discovery.chapUsernameHelper',
    clears: CHAP,
  },
];

export function DiscoveryFields({
  hostChosen,
  hostName,
  restoredDraft,
  discovery,
}: {
  hostChosen: boolean;
  hostName: string;
  restoredDraft: boolean;
  discovery: Discovery;
}) {
  const { control, clearErrors } = useFormContext<LunDiskFormValues>();
  const [chapUsername, chapPassword] = useWatch({ control, name: ['chapUsername', 'chapPassword'] });
  // Passwords are never saved with a draft (docs/decisions/003): a restored CHAP username without one asks for it.
  const passwordLost = restoredDraft && !!chapUsername && !chapPassword;

  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // Enter discovers here, never "Next" (webadmin's handleEnterKey does the same).
      e.preventDefault();
      e.stopPropagation();
      if (!discovery.isPending) void discovery.run();
    }
  };

  const retypeHint = passwordLost ? t('lunDisk.discovery.retypeHint') : t('lunDisk.discovery.chapPasswordHelper');

  return (
    <>
      {passwordLost ? (
        <Alert variant="info" variantLabel={alertLabel('info')} isInline title={t('lunDisk.discovery.retypeTitle')} component="h3">
          {t('lunDisk.discovery.retypeBody')}
        </Alert>
      ) : null}
      <Grid hasGutter>
        {TEXT_INPUTS.map(({ md, clears, label, helper, placeholder, ...field }) => (
          <GridItem md={md} key={field.name}>
            <TextField
              control={control}
              {...field}
              label={t(label)}
              helper={t(helper)}
              placeholder={placeholder ? t(placeholder) : undefined}
              onKeyDown={onEnter}
              // An engine error on a field is about what was sent: it goes as soon as the user changes the value
              // (not on blur, which would move the buttons under the pointer between press and release).
              onValueChange={() => clearErrors(clears)}
            />
          </GridItem>
        ))}
        <GridItem md={6}>
          <SecretField
            control={control}
            name="chapPassword"
            id="chap-password"
            label={t('lunDisk.discovery.chapPassword')}
            autoComplete="new-password"
            helper={retypeHint}
            onKeyDown={onEnter}
            onValueChange={() => clearErrors(CHAP)}
          />
        </GridItem>
      </Grid>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="secondary" onClick={() => void discovery.run()} isLoading={discovery.isPending} isDisabled={discovery.isPending || !hostChosen}>
          {discovery.isPending ? t('lunDisk.discovery.discovering', { host: hostName }) : t('lunDisk.discovery.discover')}
        </Button>
        <span role="status" aria-live="polite">
          {!hostChosen ? t('lunDisk.discovery.noHost') : discovery.outcome}
        </span>
      </div>
      {discovery.stepError ? <ErrorAlert title={t('lunDisk.discovery.failed', { host: hostName })} error={discovery.stepError} headingLevel="h3" /> : null}
    </>
  );
}
