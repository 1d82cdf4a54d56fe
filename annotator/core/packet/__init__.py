"""Evidence packets: export (`export.export_packet`), verification (`verify.verify_packet`),
signing keys (`signing`), and box interchange with other tools (`interchange`)."""
