import { describeTerraformProof } from '../support/terraform-proof';

describeTerraformProof('dev');
