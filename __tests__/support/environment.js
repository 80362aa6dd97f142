/**
 * The process environment of every test worker (and of the processes tests start, which inherit
 * it): the AWS SDK's notice that Node 20 support ends in 2027 is printed once per process, and would
 * otherwise interleave with the test report. The variable is the SDK's own switch
 * (@aws-sdk/core, dist-es/submodules/client/emitWarningIfUnsupportedVersion.js).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
