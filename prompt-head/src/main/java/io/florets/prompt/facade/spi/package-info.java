/**
 * The service-provider interface through which the {@link io.florets.prompt.facade.Florets} facade serves
 * models of other input modalities (images) without depending on the modules that implement them:
 * {@link io.florets.prompt.facade.spi.InputModel} answers prompts about inputs of one type, and a
 * {@link io.florets.prompt.facade.spi.ModelFolderLoader} registered with {@link java.util.ServiceLoader}
 * opens such a model's folder for {@link io.florets.prompt.facade.Florets#load}.
 */
package io.florets.prompt.facade.spi;
