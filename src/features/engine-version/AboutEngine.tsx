// "About oVirt Engine 4.5.7" in the user menu, and the dialog it opens: the engine's name and version (GET
// /ovirt-engine/api, read once per session) and what this version does not give the console.
import { Button, Content, DropdownItem, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { engineLimitations } from '../../domain/engine-version';
import { productLine, useEngineProduct } from './engine-product';

export function AboutEngineMenuItem({ onSelect }: { onSelect: () => void }) {
  const product = useEngineProduct();
  return <DropdownItem onClick={onSelect}>About {productLine(product.data)}</DropdownItem>;
}

export function AboutEngineModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { data } = useEngineProduct();
  const limits = data?.version ? engineLimitations(data.version) : undefined;
  return (
    <Modal isOpen={isOpen} onClose={onClose} variant="small" aria-labelledby="about-engine-title">
      <ModalHeader title={productLine(data)} labelId="about-engine-title" />
      <ModalBody>
        <Content>
          {data?.fullVersion ? <p>Package version {data.fullVersion}.</p> : null}
          {limits === undefined ? (
            <p>
              The engine did not tell its version. The console works as with any 4.x engine: iSCSI discovery tries
              discoveriscsi first and falls back to iscsidiscover.
            </p>
          ) : limits.length === 0 ? (
            <p>This engine gives the console everything it uses.</p>
          ) : (
            <>
              <p>What this engine version does not give the console:</p>
              <ul>
                {limits.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}
        </Content>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </ModalFooter>
    </Modal>
  );
}
