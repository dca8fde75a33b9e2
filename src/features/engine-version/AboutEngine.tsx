// "About oVirt Engine 4.5.7" in the user menu, and the dialog it opens: the engine's name and version (GET
// /ovirt-engine/api, read once per session) and what this version does not give the console.
import { Button, Content, DropdownItem, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { engineLimitations } from '../../domain/engine-version';
import { productLine, useEngineProduct } from './engine-product';
import { t } from '../../i18n/i18n';
import { ModalClose } from '../../ui/ModalClose';

export function AboutEngineMenuItem({ onSelect }: { onSelect: () => void }) {
  const product = useEngineProduct();
  return <DropdownItem onClick={onSelect}>{t('app.engine.about', { product: productLine(product.data) })}</DropdownItem>;
}

export function AboutEngineModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { data } = useEngineProduct();
  const limits = data?.version ? engineLimitations(data.version) : undefined;
  return (
    <Modal isOpen={isOpen} onEscapePress={onClose} variant="small" aria-labelledby="about-engine-title">
      <ModalClose onClose={onClose} />
      <ModalHeader title={productLine(data)} labelId="about-engine-title" />
      <ModalBody>
        <Content>
          {data?.fullVersion ? <p>{t('app.engine.packageVersion', { version: data.fullVersion })}</p> : null}
          {limits === undefined ? (
            <p>{t('app.engine.noVersion')}</p>
          ) : limits.length === 0 ? (
            <p>{t('app.engine.noLimits')}</p>
          ) : (
            <>
              <p>{t('app.engine.limits')}</p>
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
          {t('pf.close')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
