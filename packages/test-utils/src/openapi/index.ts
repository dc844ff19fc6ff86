export { findOperation, type OpenApiDocument } from './find-operation';
export {
  createResponseValidator,
  type Exchange,
  type ResponseValidator,
} from './response-validator';
export {
  assertInjectedResponse,
  responseValidatorFor,
  validateResponses,
  type InjectedLike,
  type SupertestLike,
} from './validate-responses';
