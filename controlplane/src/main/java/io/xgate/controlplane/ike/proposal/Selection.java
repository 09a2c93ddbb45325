package io.xgate.controlplane.ike.proposal;

import io.xgate.controlplane.ike.payload.Proposal;

/** What the responder's proposal selection produced. */
public sealed interface Selection {

    /**
     * The peer's proposal narrowed to one transform of each type, keeping its number and the peer's SPI:
     * the responder replaces the SPI with its own ({@link Proposal#withSpi}) before answering.
     */
    record Chosen(Proposal proposal) implements Selection {
    }

    /** Nothing acceptable; {@code explanation} is the log line, starting with {@code NO_PROPOSAL_CHOSEN:}. */
    record NoProposalChosen(String explanation) implements Selection {
    }
}
