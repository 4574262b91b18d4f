//! serde types to Python and back (`--features serde`; `cargo xtask test`
//! runs with every feature).
#![cfg(feature = "serde")]

use std::collections::{BTreeMap, HashMap};

use krait::Error;
use krait::embed::{Interpreter, Serde};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Shipping {
    Pickup,
    Courier { days: u8 },
    Post(String),
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Line {
    sku: String,
    quantity: u32,
    price: f64,
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Order {
    id: u64,
    lines: Vec<Line>,
    note: Option<String>,
    shipping: Shipping,
    totals: BTreeMap<String, i64>,
    pair: (bool, i8),
}

fn order() -> Order {
    Order {
        id: u64::MAX,
        lines: vec![
            Line {
                sku: "A1".into(),
                quantity: 2,
                price: 3.5,
            },
            Line {
                sku: "B7".into(),
                quantity: 1,
                price: 10.0,
            },
        ],
        note: None,
        shipping: Shipping::Courier { days: 2 },
        totals: BTreeMap::from([("net".into(), -4)]),
        pair: (true, -3),
    }
}

#[test]
fn a_struct_is_a_dict_python_can_read_and_change() {
    let mut python = Interpreter::new();
    python.set("order", Serde(order())).unwrap();
    python
        .exec(
            "assert type(order) is dict and type(order['lines']) is list\n\
             assert order['id'] == 2**64 - 1 and order['note'] is None\n\
             assert order['shipping'] == {'Courier': {'days': 2}}\n\
             assert order['pair'] == [True, -3]\n\
             total = sum(l['quantity'] * l['price'] for l in order['lines'])\n\
             order['lines'][0]['quantity'] = 5\n\
             order['note'] = f'total {total}'\n\
             order['shipping'] = {'Post': 'PO box 1'}\n",
        )
        .unwrap();
    let Serde(changed): Serde<Order> = python.get("order").unwrap();
    let mut expected = order();
    expected.lines[0].quantity = 5;
    expected.note = Some("total 17.0".into());
    expected.shipping = Shipping::Post("PO box 1".into());
    assert_eq!(changed, expected);
    // A unit variant is a str; a map with int keys from a dict of ints.
    let Serde(pickup): Serde<Shipping> = python.eval("'Pickup'").unwrap();
    assert_eq!(pickup, Shipping::Pickup);
    let Serde(squares): Serde<HashMap<u32, u32>> =
        python.eval("{i: i * i for i in range(4)}").unwrap();
    assert_eq!(squares[&3], 9);
    // A tuple reads as a sequence.
    let Serde(items): Serde<Vec<(String, f64)>> = python.eval("[('a', 1), ('b', 2.5)]").unwrap();
    assert_eq!(items, [("a".to_string(), 1.0), ("b".to_string(), 2.5)]);
}

fn conversion_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    python: &mut Interpreter,
    expression: &str,
) -> (String, String) {
    match python.eval::<Serde<T>>(expression) {
        Err(Error::Exception {
            type_name, message, ..
        }) => (type_name, message),
        other => panic!("{expression}: expected an exception, got {other:?}"),
    }
}

#[test]
fn what_does_not_fit_is_a_python_error_naming_it() {
    let mut python = Interpreter::new();
    let (kind, message) = conversion_error::<Line>(&mut python, "{'sku': 'A1', 'price': 1.0}");
    assert_eq!(kind, "TypeError");
    assert!(message.contains("missing field `quantity`"), "{message}");
    let (kind, message) =
        conversion_error::<Line>(&mut python, "{'sku': 1, 'quantity': 1, 'price': 1.0}");
    assert_eq!(kind, "TypeError");
    assert!(message.contains("invalid type"), "{message}");
    let (kind, _) = conversion_error::<u8>(&mut python, "300");
    assert_eq!(kind, "TypeError");
    let (kind, _) = conversion_error::<i64>(&mut python, "2**70");
    assert_eq!(kind, "OverflowError");
    let (kind, _) = conversion_error::<f64>(&mut python, "float('nan')");
    assert_eq!(kind, "ValueError");
    let (kind, message) = conversion_error::<HashMap<String, i64>>(&mut python, "{(1, 2): 3}");
    assert_eq!(kind, "TypeError");
    assert!(message.contains("not tuple"), "{message}");
    let (kind, _) = conversion_error::<Vec<i64>>(&mut python, "{1, 2}");
    assert_eq!(kind, "TypeError");
    python.exec("loop = []\nloop.append(loop)").unwrap();
    let (kind, _) = conversion_error::<Vec<Vec<i64>>>(&mut python, "loop");
    assert_eq!(kind, "RecursionError");
    // Into Python: serde_json's data model writes a NaN as null, and
    // refuses map keys that are not strings or numbers.
    python.set("nan", Serde(f64::NAN)).unwrap();
    assert!(python.eval::<bool>("nan is None").unwrap());
    let err = python
        .set("keys", Serde(HashMap::from([((1, 2), 3)])))
        .unwrap_err();
    assert!(
        matches!(err, Error::Exception { ref type_name, .. } if type_name == "ValueError"),
        "{err:?}"
    );
}
