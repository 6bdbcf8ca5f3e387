"""The database refuses to change or delete a recorded attestation, whatever the path (raw SQL,
``QuerySet.update`` bypassed, a shell): a declaration once made stays as it was made."""

from django.db import migrations

CREATE = """
CREATE FUNCTION attestation_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'attestation records are immutable' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER attestation_immutable
    BEFORE UPDATE OR DELETE ON attestation_attestation
    FOR EACH ROW EXECUTE FUNCTION attestation_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS attestation_immutable ON attestation_attestation;
DROP FUNCTION IF EXISTS attestation_refuse_change();
"""


class Migration(migrations.Migration):
    dependencies = [("attestation", "0001_attestations")]

    operations = [migrations.RunSQL(CREATE, reverse_sql=DROP)]
