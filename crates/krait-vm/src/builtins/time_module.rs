//! The calendar half of `time`: `gmtime`, `localtime`, `mktime`,
//! `strftime` (the C locale's directives), `asctime`, `ctime`, the
//! `struct_time` they return, and `timezone`/`altzone`/`daylight`/`tzname`.
//! Dates are computed here (proleptic Gregorian, as glibc does); the local
//! zone comes from the host (`Host::local_zone`), so a host that says
//! nothing is in UTC. The clocks are in `modules.rs`.

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::PyBuiltinFunction;
use crate::builtins::int;
use crate::host::LocalZone;
use crate::interpreter::Vm;
use crate::object::PyObject;
use crate::value::Value;

const STRUCT_TIME: &str = "time.struct_time";

/// The fields of `struct_time`: the nine of the tuple, then the two that
/// are attributes only (CPython's `n_sequence_fields` is 9).
const FIELDS: [&str; 11] = [
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];

const DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A broken-down time, as C's `struct tm` holds it (months from 0, days
/// of the week from Sunday, days of the year from 0).
#[derive(Clone, Debug)]
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
    isdst: i64,
    zone: Option<String>,
    gmtoff: Option<i64>,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (`month` 1-12).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1-12, day) of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The broken-down UTC time of `timestamp` shifted by `zone`'s offset.
fn broken_down(timestamp: i64, zone: LocalZone) -> Tm {
    let local = timestamp + zone.utc_offset;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Tm {
        year,
        mon: month - 1,
        mday: day,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1),
        isdst: i64::from(zone.is_dst),
        zone: Some(zone.name),
        gmtoff: Some(zone.utc_offset),
    }
}

/// The `struct_time` of a broken-down time.
fn struct_time(vm: &mut Vm, tm: &Tm) -> PyResult {
    let values = vec![
        Value::Int(tm.year),
        Value::Int(tm.mon + 1),
        Value::Int(tm.mday),
        Value::Int(tm.hour),
        Value::Int(tm.min),
        Value::Int(tm.sec),
        // Monday is 0 in Python.
        Value::Int((tm.wday + 6) % 7),
        Value::Int(tm.yday + 1),
        Value::Int(tm.isdst),
        // Attributes only, beyond the tuple's nine.
        tm.zone.as_deref().map_or(Value::None, Value::str),
        tm.gmtoff.map_or(Value::None, Value::Int),
    ];
    crate::builtins::structseq::new_value_with_sequence(vm, STRUCT_TIME, &FIELDS, 9, values)
}

/// The seconds argument of `gmtime`/`localtime`/`ctime`: now when absent
/// or None, else an int or a float rounded down.
fn seconds_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i64> {
    args.check(name, 0, 1)?;
    let value = match args.pos.first() {
        None | Some(Value::None) => {
            let now = vm.host().wall_clock()?;
            return Ok(now.as_secs() as i64);
        }
        Some(v) => v.builtin_value(),
    };
    let out_of_range = || PyErr::overflow_error("timestamp out of range for platform time_t");
    match value {
        Value::Float(f) => {
            let f = f.get();
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            let floor = f.floor();
            // Beyond what a C `time_t` of year 2^31 can be broken down to.
            if !(-67_768_040_609_740_800.0..=67_767_976_233_316_800.0).contains(&floor) {
                return Err(out_of_range());
            }
            Ok(floor as i64)
        }
        _ => match int::as_int(value) {
            Some(i) => {
                let n = i.to_value();
                match n {
                    Value::Int(n)
                        if (-67_768_040_609_740_800..=67_767_976_233_316_800).contains(&n) =>
                    {
                        Ok(n)
                    }
                    _ => Err(out_of_range()),
                }
            }
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                value.type_name()
            ))),
        },
    }
}

fn gmtime(vm: &mut Vm, args: Args) -> PyResult {
    let timestamp = seconds_arg(vm, &args, "gmtime")?;
    // glibc's gmtime names the zone GMT.
    let zone = LocalZone {
        name: "GMT".to_string(),
        ..LocalZone::utc()
    };
    struct_time(vm, &broken_down(timestamp, zone))
}

fn localtime_of(vm: &mut Vm, timestamp: i64) -> PyResult<Tm> {
    let zone = vm.host().local_zone(timestamp)?;
    Ok(broken_down(timestamp, zone))
}

fn localtime(vm: &mut Vm, args: Args) -> PyResult {
    let timestamp = seconds_arg(vm, &args, "localtime")?;
    let tm = localtime_of(vm, timestamp)?;
    struct_time(vm, &tm)
}

/// A time tuple argument (`struct_time` or a 9-tuple) as C's `struct tm`
/// (CPython's `gettmarg`): `name` is the function for the messages.
fn time_tuple(vm: &mut Vm, value: &Value, name: &str) -> PyResult<Tm> {
    let Some(tuple) = value.builtin_value().as_tuple_or_subclass() else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    let items = tuple.as_slice().to_vec();
    if items.len() != 9 {
        return Err(PyErr::type_error(format!(
            "{name}(): illegal time tuple argument"
        )));
    }
    let mut fields = [0i64; 9];
    for (field, item) in fields.iter_mut().zip(&items) {
        let n = crate::builtins::module::index_value(vm, item)?;
        *field = match n {
            Value::Int(n) if i32::try_from(n).is_ok() => n,
            Value::Bool(b) => i64::from(b.get()),
            _ => {
                return Err(PyErr::overflow_error(
                    "Python int too large to convert to C int",
                ));
            }
        };
    }
    // A struct_time carries its zone; a plain tuple has none.
    let (zone, gmtoff) = if crate::typeobject::class_of(value).name.as_ref() == "struct_time" {
        let zone = vm.get_attr(value, "tm_zone").ok();
        let gmtoff = vm.get_attr(value, "tm_gmtoff").ok();
        (
            zone.and_then(|z| z.as_str_or_subclass().map(|s| s.as_str().to_string())),
            gmtoff.and_then(|g| match g {
                Value::Int(n) => Some(n),
                _ => None,
            }),
        )
    } else {
        (None, None)
    };
    Ok(Tm {
        year: fields[0],
        mon: fields[1] - 1,
        mday: fields[2],
        hour: fields[3],
        min: fields[4],
        sec: fields[5],
        // C's `(wday + 1) % 7`: Sunday first.
        wday: (fields[6] + 1) % 7,
        yday: fields[7] - 1,
        isdst: fields[8],
        zone,
        gmtoff,
    })
}

/// CPython's `checktm`, with its normalisations (month 0 is January, day
/// 0 is the first).
fn check_tm(tm: &mut Tm) -> PyResult<()> {
    if tm.mon == -1 {
        tm.mon = 0;
    } else if !(0..=11).contains(&tm.mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(PyErr::value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(PyErr::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(PyErr::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(PyErr::value_error("seconds out of range"));
    }
    if tm.wday < 0 {
        return Err(PyErr::value_error("day of week out of range"));
    }
    if tm.yday == -1 {
        tm.yday = 0;
    } else if !(0..=365).contains(&tm.yday) {
        return Err(PyErr::value_error("day of year out of range"));
    }
    Ok(())
}

/// The optional time tuple of `strftime`/`asctime`: the local time now
/// when absent.
fn time_tuple_or_now(vm: &mut Vm, value: Option<&Value>, name: &str) -> PyResult<Tm> {
    match value {
        Some(value) => time_tuple(vm, value, name),
        None => {
            let now = vm.host().wall_clock()?.as_secs() as i64;
            localtime_of(vm, now)
        }
    }
}

/// ISO 8601 year and week of a broken-down time (`%G`, `%V`).
fn iso_week(tm: &Tm) -> (i64, i64) {
    let monday_based = (tm.wday + 6) % 7;
    // The Thursday of this week decides the year.
    let thursday_yday = tm.yday - monday_based + 3;
    let days_in = |y: i64| {
        if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
            366
        } else {
            365
        }
    };
    if thursday_yday < 0 {
        let year = tm.year - 1;
        let yday = thursday_yday + days_in(year);
        (year, yday / 7 + 1)
    } else if thursday_yday >= days_in(tm.year) {
        (tm.year + 1, 1)
    } else {
        (tm.year, thursday_yday / 7 + 1)
    }
}

fn twelve_hour(hour: i64) -> i64 {
    match hour % 12 {
        0 => 12,
        h => h,
    }
}

/// `strftime` of the C locale, as glibc formats (an unknown directive is
/// kept as written).
fn format_tm(vm: &mut Vm, format: &str, tm: &Tm) -> PyResult<String> {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(directive) = chars.next() else {
            out.push('%');
            break;
        };
        let day = DAY_NAMES[tm.wday.rem_euclid(7) as usize];
        let month = MONTH_NAMES[tm.mon.rem_euclid(12) as usize];
        let piece = match directive {
            'a' => day[..3].to_string(),
            'A' => day.to_string(),
            'b' | 'h' => month[..3].to_string(),
            'B' => month.to_string(),
            'c' => format_tm(vm, "%a %b %e %H:%M:%S %Y", tm)?,
            'C' => format!("{:02}", tm.year.div_euclid(100)),
            'd' => format!("{:02}", tm.mday),
            'D' | 'x' => format_tm(vm, "%m/%d/%y", tm)?,
            'e' => format!("{:2}", tm.mday),
            'F' => format_tm(vm, "%Y-%m-%d", tm)?,
            'G' => iso_week(tm).0.to_string(),
            'g' => format!("{:02}", iso_week(tm).0.rem_euclid(100)),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{:02}", twelve_hour(tm.hour)),
            'j' => format!("{:03}", tm.yday + 1),
            'k' => format!("{:2}", tm.hour),
            'l' => format!("{:2}", twelve_hour(tm.hour)),
            'm' => format!("{:02}", tm.mon + 1),
            'M' => format!("{:02}", tm.min),
            'n' => "\n".to_string(),
            'p' => (if tm.hour < 12 { "AM" } else { "PM" }).to_string(),
            'P' => (if tm.hour < 12 { "am" } else { "pm" }).to_string(),
            'r' => format_tm(vm, "%I:%M:%S %p", tm)?,
            'R' => format_tm(vm, "%H:%M", tm)?,
            's' => mktime_of(vm, tm)?.to_string(),
            'S' => format!("{:02}", tm.sec),
            't' => "\t".to_string(),
            'T' | 'X' => format_tm(vm, "%H:%M:%S", tm)?,
            'u' => match tm.wday {
                0 => "7".to_string(),
                w => w.to_string(),
            },
            'U' => format!("{:02}", (tm.yday + 7 - tm.wday) / 7),
            'V' => format!("{:02}", iso_week(tm).1),
            'w' => tm.wday.to_string(),
            'W' => format!("{:02}", (tm.yday + 7 - (tm.wday + 6) % 7) / 7),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            'z' => {
                // A plain tuple has no offset: C's zeroed `tm_gmtoff`.
                let offset = tm.gmtoff.unwrap_or(0);
                let sign = if offset < 0 { '-' } else { '+' };
                let minutes = offset.abs() / 60;
                format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
            }
            'Z' => match &tm.zone {
                Some(zone) => zone.clone(),
                // A plain tuple: the local zone's name (C's `tzname`).
                None => {
                    let (standard, daylight) = zone_names(vm)?;
                    if tm.isdst > 0 { daylight } else { standard }
                }
            },
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    Ok(out)
}

/// `strptime(string, format="%a %b %d %H:%M:%S %Y")`: the standard
/// library's parser (`datetime._strptime_time`, as CPython's `time`
/// calls `_strptime`).
fn strptime(vm: &mut Vm, args: Args) -> PyResult {
    args.check("strptime", 1, 2)?;
    let datetime = vm.import_module("datetime")?;
    let parse = vm.get_attr(&datetime, "_strptime_time")?;
    vm.call(&parse, Args::new(args.pos))
}

fn strftime(vm: &mut Vm, args: Args) -> PyResult {
    args.check("strftime", 1, 2)?;
    let Some(format) = args.pos[0].as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            args.pos[0].type_name()
        )));
    };
    let format = format.as_str().to_string();
    let mut tm = time_tuple_or_now(vm, args.pos.get(1), "strftime")?;
    check_tm(&mut tm)?;
    tm.isdst = tm.isdst.clamp(-1, 1);
    if format.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    format_tm(vm, &format, &tm).map(Value::str)
}

/// `asctime`'s layout: `Sun Jun 20 23:21:05 1993`.
fn asctime_text(tm: &Tm) -> String {
    let day = DAY_NAMES[tm.wday.rem_euclid(7) as usize];
    let month = MONTH_NAMES[tm.mon.rem_euclid(12) as usize];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        &day[..3],
        &month[..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn asctime(vm: &mut Vm, args: Args) -> PyResult {
    args.check("asctime", 0, 1)?;
    let mut tm = time_tuple_or_now(vm, args.pos.first(), "asctime")?;
    check_tm(&mut tm)?;
    Ok(Value::str(asctime_text(&tm)))
}

fn ctime(vm: &mut Vm, args: Args) -> PyResult {
    let timestamp = seconds_arg(vm, &args, "ctime")?;
    let tm = localtime_of(vm, timestamp)?;
    Ok(Value::str(asctime_text(&tm)))
}

/// The local zone that applies to the local time `tm` (C's `mktime`
/// without its normalisation of `tm_isdst`): found by correcting a first
/// guess with the offset at that guess, twice, as the offset may change
/// between the guess and the answer.
fn mktime_zone(vm: &mut Vm, tm: &Tm) -> PyResult<LocalZone> {
    let as_utc = seconds_as_utc(tm);
    let mut zone = vm.host().local_zone(as_utc)?;
    for _ in 0..2 {
        let next = vm.host().local_zone(as_utc - zone.utc_offset)?;
        if next == zone {
            break;
        }
        zone = next;
    }
    Ok(zone)
}

/// The timestamp `tm`'s fields would be read as in UTC (days and months
/// out of range roll over, as C's `timegm` does).
fn seconds_as_utc(tm: &Tm) -> i64 {
    let year = tm.year + tm.mon.div_euclid(12);
    let month = tm.mon.rem_euclid(12) + 1;
    let days = days_from_civil(year, month, 1) + tm.mday - 1;
    days * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec
}

fn mktime_of(vm: &mut Vm, tm: &Tm) -> PyResult<i64> {
    let as_utc = seconds_as_utc(tm);
    let zone = mktime_zone(vm, tm)?;
    let timestamp = as_utc - zone.utc_offset;
    if tm.isdst < 0 || (tm.isdst > 0) == zone.is_dst {
        return Ok(timestamp);
    }
    // The tuple asks for the other side of daylight saving time: as
    // glibc's mktime, use the offset of the nearest instant (probing a
    // week at a time, up to 17 years away) on that side, else move by the
    // hour the two sides differ by.
    const STRIDE: i64 = 601_200;
    const BOUND: i64 = 536_454_000;
    let wanted = tm.isdst > 0;
    let mut delta = STRIDE;
    while delta < BOUND {
        for direction in [-1, 1] {
            let probe = vm.host().local_zone(timestamp + delta * direction)?;
            if probe.is_dst == wanted {
                return Ok(as_utc - probe.utc_offset);
            }
        }
        delta += STRIDE;
    }
    let dst_difference = i64::from(!wanted) - i64::from(!zone.is_dst);
    Ok(timestamp + 3600 * dst_difference)
}

fn mktime(vm: &mut Vm, args: Args) -> PyResult {
    args.check("mktime", 1, 1)?;
    let tm = time_tuple(vm, &args.pos[0], "mktime")?;
    let timestamp = mktime_of(vm, &tm)?;
    Ok(Value::float(timestamp as f64))
}

/// The local zone's standard and daylight-saving names (C's `tzname`).
fn zone_names(vm: &mut Vm) -> PyResult<(String, String)> {
    let (_, _, _, names) = zone_facts(vm)?;
    Ok(names)
}

/// `timezone`, `altzone`, `daylight` and `tzname`, found as CPython's
/// `init_timezone` does: from the zones of January 1st and July 1st of
/// this year (southern hemisphere zones have their summer in January).
fn zone_facts(vm: &mut Vm) -> PyResult<(i64, i64, bool, (String, String))> {
    let now = vm.host().wall_clock().map_or(0, |d| d.as_secs() as i64);
    let year = civil_from_days(now.div_euclid(86_400)).0;
    let january = days_from_civil(year, 1, 1) * 86_400;
    let july = days_from_civil(year, 7, 1) * 86_400;
    let january = vm.host().local_zone(january)?;
    let july = vm.host().local_zone(july)?;
    let (jan_west, july_west) = (-january.utc_offset, -july.utc_offset);
    if jan_west < july_west {
        Ok((
            july_west,
            jan_west,
            jan_west != july_west,
            (july.name, january.name),
        ))
    } else {
        Ok((
            jan_west,
            july_west,
            jan_west != july_west,
            (january.name, july.name),
        ))
    }
}

fn function(name: &'static str, func: crate::builtins::function::NativeFunction) -> Value {
    Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
}

/// The calendar attributes of the `time` module.
pub fn attributes(vm: &mut Vm) -> Vec<(&'static str, Value)> {
    let (timezone, altzone, daylight, (standard, summer)) =
        zone_facts(vm).unwrap_or((0, 0, false, ("UTC".to_string(), "UTC".to_string())));
    let struct_time_type =
        crate::builtins::structseq::type_value_with_sequence(vm, STRUCT_TIME, &FIELDS, 9)
            .unwrap_or(Value::None);
    vec![
        ("gmtime", function("gmtime", gmtime)),
        ("localtime", function("localtime", localtime)),
        ("mktime", function("mktime", mktime)),
        ("strftime", function("strftime", strftime)),
        ("strptime", function("strptime", strptime)),
        ("asctime", function("asctime", asctime)),
        ("ctime", function("ctime", ctime)),
        ("struct_time", struct_time_type),
        ("timezone", Value::Int(timezone)),
        ("altzone", Value::Int(altzone)),
        ("daylight", Value::Int(i64::from(daylight))),
        (
            "tzname",
            Value::tuple(vec![Value::str(standard), Value::str(summer)]),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        for days in [-800_000, -1, 0, 1, 59, 365, 11_016, 19_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    /// New York's zone in 2024 only: daylight saving time from March
    /// 10th, 7:00 UTC to November 3rd, 6:00 UTC.
    struct NewYork2024;

    impl crate::host::Host for NewYork2024 {
        fn local_zone(&mut self, timestamp: i64) -> PyResult<LocalZone> {
            let summer = (1_710_054_000..1_730_613_600).contains(&timestamp);
            Ok(LocalZone {
                utc_offset: if summer { -4 * 3600 } else { -5 * 3600 },
                is_dst: summer,
                name: if summer { "EDT" } else { "EST" }.to_string(),
            })
        }
    }

    fn tm(fields: [i64; 6], isdst: i64) -> Tm {
        Tm {
            year: fields[0],
            mon: fields[1] - 1,
            mday: fields[2],
            hour: fields[3],
            min: fields[4],
            sec: fields[5],
            wday: 0,
            yday: 0,
            isdst,
            zone: None,
            gmtoff: None,
        }
    }

    #[test]
    fn mktime_follows_the_zone_and_the_dst_hint() {
        let mut vm = Vm::with_host(Box::new(NewYork2024));
        // What python3 (glibc) answers with TZ=America/New_York.
        let cases = [
            ([2024, 7, 1, 0, 0, 0], -1, 1_719_806_400),
            ([2024, 1, 1, 0, 0, 0], -1, 1_704_085_200),
            ([2024, 11, 3, 1, 30, 0], 0, 1_730_615_400),
            ([2024, 11, 3, 1, 30, 0], 1, 1_730_611_800),
            ([2024, 7, 1, 0, 0, 0], 0, 1_719_810_000),
            ([2024, 1, 1, 0, 0, 0], 1, 1_704_081_600),
            ([2024, 3, 10, 2, 30, 0], 0, 1_710_055_800),
            ([2024, 3, 10, 2, 30, 0], 1, 1_710_052_200),
        ];
        for (fields, isdst, expected) in cases {
            assert_eq!(
                mktime_of(&mut vm, &tm(fields, isdst)).unwrap(),
                expected,
                "{fields:?} isdst={isdst}"
            );
        }
        let local = localtime_of(&mut vm, 1_719_806_400).unwrap();
        assert_eq!(
            (local.hour, local.isdst, local.zone.as_deref()),
            (0, 1, Some("EDT"))
        );
    }

    #[test]
    fn iso_weeks() {
        // 2021-01-01 was a Friday of week 53 of 2020.
        let tm = broken_down(days_from_civil(2021, 1, 1) * 86_400, LocalZone::utc());
        assert_eq!(iso_week(&tm), (2020, 53));
        // 2024-12-30 was the Monday of week 1 of 2025.
        let tm = broken_down(days_from_civil(2024, 12, 30) * 86_400, LocalZone::utc());
        assert_eq!(iso_week(&tm), (2025, 1));
    }
}
