import type { BindingPlugin, ClientContext, ProtocolClient } from '@twinlink/core';
import { inject, injectable } from 'inversify';
import { HttpPushClient } from './http-push-client.js';
import { HTTP_PUSH_OPTIONS } from './http-push-options.js';
import type { HttpPushOptions } from './http-push-options.js';
import { HTTP_PUSH_TYPE } from './http-push-spec.js';

/** Creates http-push clients with the service's http-push settings. */
@injectable()
export class HttpPushPlugin implements BindingPlugin {
  readonly connectionType = HTTP_PUSH_TYPE;

  constructor(@inject(HTTP_PUSH_OPTIONS) private readonly options: HttpPushOptions) {}

  createClient(context: ClientContext): ProtocolClient {
    return new HttpPushClient(context, this.options);
  }
}
