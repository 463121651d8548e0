/** Internal helpers of rw-core; not API, may change without notice. */
@NullMarked
package org.regionwise.core.internal;

import org.jspecify.annotations.NullMarked;
