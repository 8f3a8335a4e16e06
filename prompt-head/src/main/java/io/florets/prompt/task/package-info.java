/** Tasks, prompts (token form and natural-language expansion), prompt parsing and the contract's limits. */
package io.florets.prompt.task;
