"""The database refuses to change or delete a consent event, whatever the path (raw SQL, a shell):
the history of grants and revocations stays as it was written. Only the link to a deleted account
is cleared (``actor`` is SET_NULL); the name written with the event stays."""

from django.db import migrations

CREATE = """
CREATE FUNCTION consent_event_refuse_change() RETURNS trigger AS $$
BEGIN
    -- The one change allowed: the account of the person is deleted (actor SET NULL); the name stays.
    IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL
       AND (NEW.id, NEW.organization_id, NEW.product_id, NEW.action, NEW.reason, NEW.actor_name, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.organization_id, OLD.product_id, OLD.action, OLD.reason, OLD.actor_name, OLD.created_at)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'consent events are append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER consent_event_append_only
    BEFORE UPDATE OR DELETE ON consent_consentevent
    FOR EACH ROW EXECUTE FUNCTION consent_event_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS consent_event_append_only ON consent_consentevent;
DROP FUNCTION IF EXISTS consent_event_refuse_change();
"""


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_consent_history")]

    operations = [migrations.RunSQL(CREATE, reverse_sql=DROP)]
