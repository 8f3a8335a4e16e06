/** The output contract: tasks, prompts, vocabulary, serializers, parsers and grammars; the {@code Florets} facade. */
package io.florets.prompt;
