/** Configuration check: the EDGE certificate settings apply and keep the current generation. */
import type { ConfigCheck } from './types';

/**
 * Generations are retired only up to the current one; the setting is for EDGE endpoints, whose
 * certificate lives in the global stack while the region stacks use it.
 */
export const edgeCertificateGenerations: ConfigCheck = ({ dns, endpointType }) => {
  const certificate = dns?.edgeCertificate;
  if (!certificate) return [];
  const path = ['dns', 'edgeCertificate'];
  if (endpointType === 'REGIONAL') {
    const set = (certificate.generation ?? 1) !== 1 || (certificate.retireBelow ?? 1) !== 1 || certificate.preventDestroy === false;
    return set
      ? [{ path, problem: 'applies to EDGE endpoints only', accepted: 'no edgeCertificate with endpointType REGIONAL (each region stack replaces its own certificate in one apply)' }]
      : [];
  }
  const { generation, retireBelow } = certificate;
  if (generation === undefined || retireBelow === undefined || retireBelow <= generation) return [];
  return [
    {
      path: [...path, 'retireBelow'],
      problem: `would delete the current generation ${generation}, which every region uses`,
      received: retireBelow,
      accepted: `at most ${generation} (the current generation)`,
    },
  ];
};
