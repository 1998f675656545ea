"""Reading, normalising and extracting structure, responsibility, targets and topics from plan documents."""
