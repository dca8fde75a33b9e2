// The portal to discover from: address, port and the optional CHAP pair, the Discover button with what the last
// discovery found, and a failure that belongs to no field. Enter in any of the fields discovers.
import { Alert, Button, Grid, GridItem } from '@patternfly/react-core';
import type { KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SecretField, TextField } from '../../ui/form-fields';
import type { LunDiskFormValues } from './form';
import type { Discovery } from './use-discovery';

type DiscoveryInput = 'address' | 'port' | 'chapUsername' | 'chapPassword';

interface InputSpec {
  name: Exclude<DiscoveryInput, 'chapPassword'>;
  id: string;
  label: string;
  /** Grid columns (of 12) from the md breakpoint. */
  md: 4 | 6 | 8;
  helper: string;
  /** The errors a change of this field clears. */
  clears: DiscoveryInput[];
  isRequired?: boolean;
  placeholder?: string;
  inputMode?: 'numeric';
  autoComplete?: string;
}

const CHAP: DiscoveryInput[] = ['chapUsername', 'chapPassword'];

// The CHAP password is not among them: it is a SecretField (uncontrolled, its value never in the DOM attribute).
const TEXT_INPUTS: InputSpec[] = [
  {
    name: 'address',
    id: 'iscsi-address',
    label: 'Address',
    md: 8,
    isRequired: true,
    placeholder: '10.35.1.72, fd00:35:2::90 or storage.example.com',
    helper: 'Host name, IPv4 or IPv6 address of the iSCSI portal.',
    clears: ['address'],
  },
  { name: 'port', id: 'iscsi-port', label: 'Port', md: 4, inputMode: 'numeric', helper: '1–65535; iSCSI uses 3260.', clears: ['port'] },
  {
    name: 'chapUsername',
    id: 'chap-username',
    label: 'CHAP username',
    md: 6,
    autoComplete: 'off',
    helper: 'Optional: both the username and the password, or neither.',
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

  const retypeHint = passwordLost
    ? 'Retype the CHAP password: passwords are never saved with a draft.'
    : 'Needed only when the portal or target uses CHAP. Never saved with the draft.';

  return (
    <>
      {passwordLost ? (
        <Alert variant="info" isInline title="Retype the CHAP password" component="h3">
          Your draft was restored without the CHAP password: passwords are never saved. Retype it before you discover or log in again.
        </Alert>
      ) : null}
      <Grid hasGutter>
        {TEXT_INPUTS.map(({ md, clears, ...field }) => (
          <GridItem md={md} key={field.name}>
            <TextField
              control={control}
              {...field}
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
            label="CHAP password"
            autoComplete="new-password"
            helper={retypeHint}
            onKeyDown={onEnter}
            onValueChange={() => clearErrors(CHAP)}
          />
        </GridItem>
      </Grid>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="secondary" onClick={() => void discovery.run()} isLoading={discovery.isPending} isDisabled={discovery.isPending || !hostChosen}>
          {discovery.isPending ? `Discovering from ${hostName}…` : 'Discover'}
        </Button>
        <span role="status" aria-live="polite">
          {!hostChosen ? 'Pick a host in the Source step first: discovery runs from a host.' : discovery.outcome}
        </span>
      </div>
      {discovery.stepError ? <ErrorAlert title={`Discovery from ${hostName} failed`} error={discovery.stepError} headingLevel="h3" /> : null}
    </>
  );
}
