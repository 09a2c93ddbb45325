package io.xgate.controlplane.commit;

import java.util.Optional;

/**
 * One object a commit touches: its kind and name, and its value before and after (the config records,
 * secrets included, for the apply step only: never rendered).
 */
public record ObjectChange(ObjectKind kind, String name, Action action, Optional<Object> before,
                           Optional<Object> after) {

    public enum Action {
        ADDED('+'), REMOVED('-'), CHANGED('~');

        private final char sign;

        Action(final char sign) {
            this.sign = sign;
        }

        public char sign() {
            return sign;
        }
    }

    @Override
    public String toString() {
        return action.sign() + " " + kind.label() + " " + name;
    }
}
