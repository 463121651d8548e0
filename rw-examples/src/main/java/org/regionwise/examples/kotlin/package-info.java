/**
 * The Kotlin example and its DSL ({@code RegionWiseDsl.kt}, {@code KotlinExample.kt} under {@code src/main/kotlin}):
 * {@code regionWise { data(...); loss(rrw()); model { depth = 3 }; epochs = 2 }} builds an experiment through the
 * Java builder. Kotlin's top-level functions are visible from Java as {@code RegionWiseDslKt} and
 * {@code KotlinExampleKt}.
 */
@NullMarked
package org.regionwise.examples.kotlin;

import org.jspecify.annotations.NullMarked;
